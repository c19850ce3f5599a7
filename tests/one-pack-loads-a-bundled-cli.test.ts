import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CLI, NODE, tempDir } from './helpers/cli.js';

/**
 * The built CLI is a bundle (scripts/bundle-cli.ts): a cold one-pack `generate` must finish in
 * under a second (issues 12 and 17), and finding and linking ~670 separate modules was 0.3 s of
 * it. Counted with a module hook: the JavaScript files the main thread loads, from the files of
 * this project and its packages.
 */
const COUNT_MODULES = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
import { isMainThread } from 'node:worker_threads';
let count = 0;
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) count++;
    return next(url, context);
  },
});
if (isMainThread) process.on('exit', () => process.stderr.write('modules loaded: ' + count + '\\n'));
`)}`;

function generateOne(
  name: string,
  text: string,
): { modules: number; files: string[]; stderr: string } {
  const root = tempDir('incidentpost-bundle-');
  mkdirSync(join(root, 'incidents'));
  writeFileSync(join(root, 'incidents', name), text);
  const run = spawnSync(
    NODE,
    ['--import', COUNT_MODULES, CLI, 'generate', '--incidents', 'incidents', '--out', 'out'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  expect(run.status, run.stderr).toBe(0);
  const count = /modules loaded: (\d+)/.exec(run.stderr)?.[1];
  const slug = name.replace(/\.md$/, '');
  return {
    modules: Number(count),
    stderr: run.stderr,
    files: existsSync(join(root, 'out', slug)) ? readdirSync(join(root, 'out', slug)) : [],
  };
}

describe('a one-pack generate runs from the bundled CLI', () => {
  test.each([
    [
      '2026-03-02-checkout-latency.md',
      '---\ntitle: Checkout latency\ndate: 2026-03-02\n---\n\n09:14 UTC alert: checkout p99 above 2 s\n09:20 UTC rolled back the cache change\n09:31 UTC latency back to normal, resolved\n',
    ],
    [
      '2026-07-19-dns-outage.md',
      '---\ntitle: Internal DNS failing in eu-west\ndate: 2026-07-19\ntimezone: Europe/Madrid\n---\n\n- **14:02** Pagerduty: resolver errors 78% → 45%\n- **14:10** restarted the resolvers\n- **14:40** all clear\n',
    ],
  ])('%s: loads a few dozen files, not hundreds, and writes the pack', (name, text) => {
    const { modules, files, stderr } = generateOne(name, text);
    // A user sees stderr: Node's own deprecation warnings (twitter-text's punycode) are noise.
    expect(stderr).not.toMatch(/DeprecationWarning|DEP\d{4}/);
    expect(modules).toBeGreaterThan(0);
    expect(modules).toBeLessThan(120);
    expect(files).toEqual(expect.arrayContaining(['postmortem.md', 'timeline.png', 'og.png']));
  });
});
