#!/usr/bin/env node
/**
 * The `incidentpost` command. This file only wires the commands; each lives in commands/.
 * Exit codes: 0 success, 1 bad input (diagnostics printed), 2 usage error.
 */
import { defineCommand, runCommand, showUsage } from 'citty';
import { DiagnosticError } from '../pipeline/diagnostics.js';
import { analyzeCommand } from './commands/analyze.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { generateCommand } from './commands/generate.js';
import { newCommand } from './commands/new.js';
import { pruneDraftsCommand } from './commands/prune-drafts.js';
import { printDiagnostics } from './report.js';
import { UsageError } from './usage-error.js';

/** Each command as a runner and a usage printer, so every call stays fully typed. */
const commands: Record<
  string,
  { run: (rawArgs: string[]) => Promise<unknown>; usage: () => Promise<void> }
> = {
  check: {
    run: (rawArgs) => runCommand(checkCommand, { rawArgs }),
    usage: () => showUsage(checkCommand),
  },
  analyze: {
    run: (rawArgs) => runCommand(analyzeCommand, { rawArgs }),
    usage: () => showUsage(analyzeCommand),
  },
  generate: {
    run: (rawArgs) => runCommand(generateCommand, { rawArgs }),
    usage: () => showUsage(generateCommand),
  },
  new: {
    run: (rawArgs) => runCommand(newCommand, { rawArgs }),
    usage: () => showUsage(newCommand),
  },
  build: {
    run: (rawArgs) => runCommand(buildCommand, { rawArgs }),
    usage: () => showUsage(buildCommand),
  },
  'prune-drafts': {
    run: (rawArgs) => runCommand(pruneDraftsCommand, { rawArgs }),
    usage: () => showUsage(pruneDraftsCommand),
  },
};

const main = defineCommand({
  meta: {
    name: 'incidentpost',
    version: '0.1.0',
    description: 'Raw incident timelines in, postmortem packs and an incident-history site out',
  },
  subCommands: {
    check: checkCommand,
    analyze: analyzeCommand,
    generate: generateCommand,
    new: newCommand,
    build: buildCommand,
    'prune-drafts': pruneDraftsCommand,
  },
});

async function run(rawArgs: string[]): Promise<number> {
  const name = rawArgs[0];
  const sub = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (rawArgs.includes('--help') || rawArgs.includes('-h') || rawArgs.length === 0) {
    await (sub ? sub.usage() : showUsage(main));
    return rawArgs.length === 0 ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  try {
    if (!sub)
      throw new UsageError(
        `unknown command "${name ?? ''}" (expected one of: ${Object.keys(commands).join(', ')})`,
      );
    await sub.run(rawArgs.slice(1));
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (cause) {
    if (cause instanceof UsageError || (cause instanceof Error && cause.name === 'CLIError')) {
      process.stderr.write(
        `incidentpost: ${cause.message}\n  hint: run \`incidentpost ${sub ? `${name} ` : ''}--help\` for usage\n`,
      );
      return 2;
    }
    if (cause instanceof DiagnosticError) {
      printDiagnostics(cause.diagnostics);
      return 1;
    }
    // Our own bug: the stack trace helps whoever files the issue.
    process.stderr.write(
      `incidentpost: internal error, please report it\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
    );
    return 1;
  }
}

process.exitCode = await run(process.argv.slice(2));
