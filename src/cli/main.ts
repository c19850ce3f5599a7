#!/usr/bin/env node
/**
 * The `incidentpost` command. This file only wires the commands; each lives in commands/.
 * Exit codes: 0 success, 1 bad input (diagnostics printed), 2 usage error.
 */
import module from 'node:module';
import { defineCommand, runCommand, type ArgsDef, type CommandDef } from 'citty';
import { ioErrorDiagnostic } from '../pipeline/io-errors.js';
import { oldNodeWarning, requiredNode } from './node-version.js';
import { printDiagnostics, printUsage } from './report.js';
import { UsageError } from './usage-error.js';

interface Entry {
  run: (rawArgs: string[]) => Promise<unknown>;
  usage: () => Promise<void>;
}

/** A command whose module (and everything it needs) loads only when it is used. */
function lazy<T extends ArgsDef>(load: () => Promise<CommandDef<T>>): Entry {
  return {
    run: async (rawArgs) => runCommand(await load(), { rawArgs }),
    usage: async () => printUsage(await load()),
  };
}

const commands: Record<string, Entry> = {
  check: lazy(async () => (await import('./commands/check.js')).checkCommand),
  analyze: lazy(async () => (await import('./commands/analyze.js')).analyzeCommand),
  generate: lazy(async () => (await import('./commands/generate.js')).generateCommand),
  new: lazy(async () => (await import('./commands/new.js')).newCommand),
  build: lazy(async () => (await import('./commands/build.js')).buildCommand),
  'prune-drafts': lazy(async () => (await import('./commands/prune-drafts.js')).pruneDraftsCommand),
};

const main = defineCommand({
  meta: {
    name: 'incidentpost',
    version: '0.1.0',
    description: 'Raw incident timelines in, postmortem packs and an incident-history site out',
  },
  subCommands: {
    check: () => import('./commands/check.js').then((m) => m.checkCommand),
    analyze: () => import('./commands/analyze.js').then((m) => m.analyzeCommand),
    generate: () => import('./commands/generate.js').then((m) => m.generateCommand),
    new: () => import('./commands/new.js').then((m) => m.newCommand),
    build: () => import('./commands/build.js').then((m) => m.buildCommand),
    'prune-drafts': () => import('./commands/prune-drafts.js').then((m) => m.pruneDraftsCommand),
  },
});

async function run(rawArgs: string[]): Promise<number> {
  const name = rawArgs[0];
  const sub = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (rawArgs.includes('--help') || rawArgs.includes('-h') || rawArgs.length === 0) {
    await (sub ? sub.usage() : printUsage(main));
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
    // A full disk or a read-only folder is the machine's doing, not a bug: say where and what to do.
    const io = ioErrorDiagnostic(cause);
    if (io) {
      printDiagnostics([io]);
      return 1;
    }
    // Our own bug: the stack trace helps whoever files the issue.
    process.stderr.write(
      `incidentpost: internal error, please report it\n${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}\n`,
    );
    return 1;
  }
}

// V8 keeps the compiled code of every module in os.tmpdir(), so a process after the first
// skips compiling the few hundred modules a command loads: about 0.7 s of a one-pack generate
// (Node 22.1 and later; NODE_DISABLE_COMPILE_CACHE=1 turns it off). The commands are imported
// lazily, after this line, so they are all covered.
module.enableCompileCache?.();

// Said once, before anything else: an unsupported Node explains failures nothing else would.
const oldNode = oldNodeWarning(process.version, requiredNode());
if (oldNode) process.stderr.write(oldNode);
process.exitCode = await run(process.argv.slice(2));
