/**
 * Running an installed package's command line (Astro, Pagefind) as a child process on this
 * Node, from the IncidentPost checkout, wherever the command itself was run from.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The IncidentPost checkout (where astro.config.mjs lives), wherever the command runs from. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'astro.config.mjs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('astro.config.mjs not found above the IncidentPost code');
    dir = parent;
  }
  return dir;
}

/**
 * Where an installed package lives, found the way Node looks for it. Not require.resolve:
 * Pagefind's exports map lists neither its package.json nor a require entry.
 */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  const dir = (require.resolve.paths(name) ?? [])
    .map((base) => join(base, name))
    .find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed: run npm install`);
  return dir;
}

/**
 * Runs `<package dir>/<bin>` with `args` on this Node, in projectRoot().
 * @returns its exit code (1 when killed) and everything it printed, when `stdio` is `pipe`.
 * @throws when the package is not installed.
 */
export function runPackageBin(
  pkg: string,
  bin: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stdio: 'inherit' | 'pipe'; nodeFlags?: string[] },
): Promise<{ code: number; output: string }> {
  const entry = join(packageDir(pkg), bin);
  return new Promise((done) => {
    const child = spawn(process.execPath, [...(options.nodeFlags ?? []), entry, ...args], {
      cwd: projectRoot(),
      env: options.env ?? process.env,
      stdio: ['ignore', options.stdio, options.stdio],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}
