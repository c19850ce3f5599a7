import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isOlderThan, oldNodeWarning, requiredNode } from '../src/cli/node-version.js';
import { CLI, NODE } from './helpers/cli.js';

const ENGINES = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as {
    engines: { node: string };
  }
).engines.node;

/**
 * A Node on this machine older than package.json allows (Debian's), if there is one. `node`
 * on PATH is the pinned one under npm and npx, which put node_modules/.bin first.
 */
function oldNode(): string | null {
  for (const node of ['/usr/bin/node', '/usr/local/bin/node', 'node']) {
    const version = spawnSync(node, ['--version'], { encoding: 'utf8' });
    if (version.status === 0 && isOlderThan(version.stdout.trim(), ENGINES)) return node;
  }
  return null;
}
const OLD_NODE = oldNode();

describe('the CLI says once when it runs on a Node older than package.json allows', () => {
  test('versions are compared with the engines range', () => {
    expect(requiredNode()).toBe(ENGINES);
    expect(isOlderThan('v20.20.2', '>=22.12')).toBe(true);
    expect(isOlderThan('v22.11.9', '>=22.12')).toBe(true);
    expect(isOlderThan('v22.12.0', '>=22.12')).toBe(false);
    expect(isOlderThan('v24.21.0', '>=22.12')).toBe(false);
    expect(oldNodeWarning('v24.21.0', '>=22.12')).toBeNull();
    expect(oldNodeWarning('v20.20.2', '>=22.12')).toMatch(
      /^incidentpost: warning: this is Node v20\.20\.2, older than incidentpost supports \(node >=22\.12\)[^\n]*\n {2}hint: install Node 22\.12 or later/,
    );
  });

  test.skipIf(OLD_NODE === null)('an old Node gets the warning once', () => {
    const run = spawnSync(OLD_NODE ?? 'node', [CLI, 'check', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr.match(/older than incidentpost supports/g)).toHaveLength(1);
    expect(run.stderr).toContain('hint: install Node');
  });

  test('the pinned Node gets no warning', () => {
    const run = spawnSync(NODE, [CLI, 'check', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('older than incidentpost supports');
  });
});
