import { defineCommand } from 'citty';
import { hasErrors } from '../../pipeline/diagnostics.js';
import { generate, type GenerateReport } from '../../pipeline/generate.js';
import { loadConfig } from '../../pipeline/load/load-config.js';
import type { Config } from '../../schemas/config.js';
import { generateArgs } from '../args.js';
import { chooseSettler } from '../choose-settler.js';
import { chooseWriter, describeUsage } from '../choose-writer.js';
import { generateProgress } from '../progress.js';
import { printDiagnostics } from '../report.js';
import { rejectUnknownFlags } from '../usage-error.js';

export interface GenerateArgs {
  incidents: string;
  out: string;
  writer?: string | undefined;
  cache: string;
  refresh: boolean;
  strict: boolean;
  config: string;
}

/**
 * Shared by `generate` and `build`: returns the exit code and the report, having printed both.
 * @param onTextWritten called once every pack's text and the pack index are written with no
 *   error (the exit code would be 0 but for the images still drawing), so `build` can start
 *   the site meanwhile; never called for a run that will fail on its incidents.
 */
export async function runGenerate(
  args: GenerateArgs,
  onTextWritten?: () => void,
): Promise<{ code: number; report: GenerateReport | null; config: Config | null }> {
  const loaded = await loadConfig(args.config);
  if (!loaded.config) {
    printDiagnostics(loaded.diagnostics);
    return { code: 1, report: null, config: null };
  }
  const writer = await chooseWriter(args, loaded.config);
  const settler = await chooseSettler(args, loaded.config, true);
  const shown = generateProgress();
  const report = await generate({
    inputs: [args.incidents],
    out: args.out,
    writer,
    settler,
    concurrency: loaded.config.writer.concurrency,
    onProgress: shown.onProgress,
    secretAllow: loaded.config.secrets.allow,
    cues: loaded.config.analysis.cues,
    onTextWritten: (soFar) => {
      if (!failedOn(soFar, args.strict)) onTextWritten?.();
    },
  }).finally(shown.finish);
  printDiagnostics(report.diagnostics);
  // With a model in the loop, say what happened to each incident even when not on a terminal.
  if (writer.id === 'openai') {
    for (const [slug, status] of Object.entries(report.statuses).sort())
      process.stdout.write(`${slug}: ${status}\n`);
  } else {
    for (const [slug, status] of Object.entries(report.settled).sort())
      process.stdout.write(`${slug}: ${status}\n`);
  }
  for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  const usage = describeUsage(report.usage, loaded.config);
  if (usage) process.stdout.write(`${usage}\n`);
  process.stdout.write(
    `generated ${report.generated.length}, unchanged ${report.cached.length}, failed ${report.failed.length}${report.fellBack.length ? `, fell back ${report.fellBack.length}` : ''}${report.removed.length ? `, removed ${report.removed.length}` : ''} → ${args.out}\n`,
  );
  return { code: failedOn(report, args.strict) ? 1 : 0, report, config: loaded.config };
}

/** Whether a run with this report exits 1: an error, or a fallback under --strict. */
function failedOn(report: GenerateReport, strict: boolean): boolean {
  return hasErrors(report.diagnostics) || (strict && report.fellBack.length > 0);
}

/** What a generate process tells the `build` that started it (build.ts), over IPC. */
export const TEXT_WRITTEN_MESSAGE = { incidentpost: 'pack-text-written' } as const;

/** Whether an IPC message is `expected` (messages are plain objects, compared as JSON). */
export function isMessage(message: unknown, expected: object): boolean {
  return JSON.stringify(message) === JSON.stringify(expected);
}

/**
 * Tells the parent process, when it listens (a `build` that started this process with an IPC
 * channel), that the packs' text is written: it starts Astro. The channel does not keep this
 * process alive.
 */
function tellParentTextWritten(): (() => void) | undefined {
  const send = process.send?.bind(process);
  if (!send) return undefined;
  process.channel?.unref();
  return () => {
    send(TEXT_WRITTEN_MESSAGE);
  };
}

export const generateCommand = defineCommand({
  meta: {
    name: 'incidentpost generate',
    description:
      'Turn every incident into a postmortem pack (postmortem.md, timeline.svg/png, hn-post.txt, twitter-thread.txt)',
  },
  args: generateArgs,
  run: async ({ rawArgs, args }) => {
    rejectUnknownFlags(rawArgs, generateArgs);
    process.exitCode = (await runGenerate(args, tellParentTextWritten())).code;
  },
});
