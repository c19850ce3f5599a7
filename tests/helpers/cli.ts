import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLI = join(import.meta.dirname, '../../build/src/cli/main.js');

/**
 * The Node the CLI runs on in tests: the one package.json pins (node_modules/node), as npm
 * scripts use it, so `npx vitest` on an older Node on PATH tests the supported runtime.
 */
const PINNED_NODE = join(import.meta.dirname, '../../node_modules/node/bin/node');
export const NODE = existsSync(PINNED_NODE) ? PINNED_NODE : process.execPath;

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `incidentpost` binary the way a user would, in `cwd`. */
export function runCli(
  args: string[],
  options: { cwd: string; input?: string; env?: Record<string, string> },
): CliRun {
  const result = spawnSync(NODE, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `incidentpost build` as the site tests and the benchmark run it, inside their own folder:
 * incidents/ in, dist/ out, packs in generated/, drafts in drafts/, then `extra` (`--config`, ...).
 */
export function siteBuildArgs(...extra: string[]): string[] {
  return [
    'build',
    ...['--incidents', 'incidents', '--out', 'dist', '--packs', 'generated', '--cache', 'drafts'],
    ...extra,
  ];
}

export function tempDir(prefix = 'incidentpost-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Like runCli, without blocking this process: for tests whose servers run in this process. */
export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [CLI, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
