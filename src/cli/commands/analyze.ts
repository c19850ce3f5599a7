import { defineCommand } from 'citty';
import { analyzeSource } from '../../pipeline/analyze-source.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import { loadIncidents } from '../../pipeline/load/load-incidents.js';
import { formatMinutes, formatTime, formatUsers } from '../../pipeline/format/format-figures.js';
import type { Facts } from '../../schemas/facts.js';
import { MILESTONE_NAMES, type MilestoneName } from '../../schemas/front-matter.js';
import { writerArgs } from '../args.js';
import { chooseSettler } from '../choose-settler.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags, UsageError } from '../usage-error.js';

const args = {
  file: { type: 'positional', description: 'The incident file to analyze', required: true },
  json: { type: 'boolean', description: 'Print the facts as one JSON object', default: false },
  llm: {
    type: 'boolean',
    description:
      'Ask the model (OPENAI_API_KEY) to settle the milestones the rules are unsure of; without it, cached answers are shown',
    default: false,
  },
  cache: writerArgs.cache,
  refresh: {
    type: 'boolean',
    description: 'With --llm: ask again even where a cached answer exists',
    default: false,
  },
  config: writerArgs.config,
} as const;

const INDENT = ' '.repeat(17);

/** One milestone's row, and below it what the other side chose when a model was asked. */
function milestoneLines(facts: Facts, name: MilestoneName): string[] {
  const evidence = facts.evidence?.[name];
  const settled = facts.settled?.find((entry) => entry.milestone === name);
  const at = (time: string): string => formatTime(time, facts, true);
  const quote = (text: string): string => `"${text.length > 70 ? `${text.slice(0, 69)}…` : text}"`;
  const lines: string[] = [];
  const time = facts[name];
  if (!time)
    lines.push(settled ? `not stated (${settled.model}: ${settled.reason})` : 'not stated');
  else if (evidence?.source === 'model' && evidence.model)
    lines.push(
      `${at(time)} (line ${evidence.line}: chosen by ${evidence.model.name}: ${evidence.model.reason})`,
    );
  else {
    const why = `line ${facts.milestones[name]?.line ?? '?'}: ${facts.milestones[name]?.reason ?? ''}`;
    const sure = evidence
      ? `, ${evidence.confidence} confidence, cue ${evidence.cue}${evidence.runnerUp ? `; runner-up line ${evidence.runnerUp.line}` : ''}`
      : '';
    lines.push(`${at(time)} (${why}${sure})`);
  }
  if (
    settled?.outcome === 'applied' &&
    settled.rules &&
    settled.rules.line !== settled.answer?.line
  )
    lines.push(
      `${INDENT}the rules chose ${at(settled.rules.time)} (line ${settled.rules.line}: ${quote(settled.rules.text)})`,
    );
  if (settled?.outcome === 'refused')
    lines.push(
      `${INDENT}${settled.model} chose ${settled.answer ? `line ${settled.answer.line}` : 'an answer'}, refused: ${settled.refusal ?? ''}`,
    );
  return lines;
}

export const analyzeCommand = defineCommand({
  meta: {
    name: 'incidentpost analyze',
    description: 'Print the facts found in one incident: milestones, durations, impact, events',
  },
  args,
  run: async ({ rawArgs, args: parsed }) => {
    rejectUnknownFlags(rawArgs, args);
    if (parsed._.length > 1) throw new UsageError('analyze takes exactly one file');
    if (parsed.refresh && !parsed.llm) throw new UsageError('--refresh needs --llm');
    const { files, diagnostics } = await loadIncidents([parsed.file]);
    const loaded = await loadConfig(parsed.config);
    const file = files[0];
    const result = file ? analyzeSource(file, { cues: loaded.config?.analysis.cues }) : null;
    printDiagnostics([...diagnostics, ...loaded.diagnostics, ...(result?.diagnostics ?? [])]);
    let facts = result?.facts;
    if (!facts || !file || !loaded.config) {
      process.exitCode = 1;
      return;
    }
    const settler = await chooseSettler(parsed, loaded.config, false);
    const settled = settler ? await settler.settle(facts, file) : null;
    for (const warning of settled?.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
    facts = settled?.facts ?? facts;
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
      return;
    }
    const rows: [string, string][] = [
      ['title', facts.title],
      ['zone', facts.timezone],
      ...MILESTONE_NAMES.map((name): [string, string] => [
        name,
        milestoneLines(facts, name).join('\n'),
      ]),
      ['duration', formatMinutes(facts.durationMinutes)],
      ['time to detect', formatMinutes(facts.timeToDetectMinutes)],
      ['time to ack', formatMinutes(facts.timeToAcknowledgeMinutes)],
      ['time to mitigate', formatMinutes(facts.timeToMitigateMinutes)],
      ['time to resolve', formatMinutes(facts.timeToResolveMinutes)],
      ['users affected', formatUsers(facts.usersAffected)],
      ['events', `${facts.events.length} (${facts.events.filter((e) => !e.time).length} untimed)`],
      ...(settled?.status ? [['milestones', settled.status] as [string, string]] : []),
    ];
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(16)} ${value}\n`);
  },
});
