import { defineCommand } from 'citty';
import { analyzeSource } from '../../pipeline/analyze-source.js';
import { loadIncidents } from '../../pipeline/load/load-incidents.js';
import { formatMinutes, formatTime, formatUsers } from '../../pipeline/write/format-figures.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags, UsageError } from '../usage-error.js';

const args = {
  file: { type: 'positional', description: 'The incident file to analyze', required: true },
  json: { type: 'boolean', description: 'Print the facts as one JSON object', default: false },
} as const;

export const analyzeCommand = defineCommand({
  meta: {
    name: 'incidentpost analyze',
    description: 'Print the facts found in one incident: milestones, durations, impact, events',
  },
  args,
  run: async ({ rawArgs, args: parsed }) => {
    rejectUnknownFlags(rawArgs, args);
    if (parsed._.length > 1) throw new UsageError('analyze takes exactly one file');
    const { files, diagnostics } = await loadIncidents([parsed.file]);
    const file = files[0];
    const result = file ? analyzeSource(file) : null;
    printDiagnostics([...diagnostics, ...(result?.diagnostics ?? [])]);
    const facts = result?.facts;
    if (!facts) {
      process.exitCode = 1;
      return;
    }
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify(facts, null, 2)}\n`);
      return;
    }
    const rows: [string, string][] = [
      ['title', facts.title],
      ['zone', facts.timezone],
      ...(
        ['start', 'detected', 'acknowledged', 'identified', 'mitigated', 'resolved'] as const
      ).map((name): [string, string] => {
        const evidence = facts.evidence?.[name];
        if (!facts[name]) return [name, 'not stated'];
        const why = `line ${facts.milestones[name]?.line ?? '?'}: ${facts.milestones[name]?.reason ?? ''}`;
        const sure = evidence
          ? `, ${evidence.confidence} confidence, cue ${evidence.cue}${evidence.runnerUp ? `; runner-up line ${evidence.runnerUp.line}` : ''}`
          : '';
        return [name, `${formatTime(facts[name], facts, true)} (${why}${sure})`];
      }),
      ['duration', formatMinutes(facts.durationMinutes)],
      ['time to detect', formatMinutes(facts.timeToDetectMinutes)],
      ['time to mitigate', formatMinutes(facts.timeToMitigateMinutes)],
      ['users affected', formatUsers(facts.usersAffected)],
      ['events', `${facts.events.length} (${facts.events.filter((e) => !e.time).length} untimed)`],
    ];
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(16)} ${value}\n`);
  },
});
