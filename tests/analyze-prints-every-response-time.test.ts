import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

/**
 * A fresh user looked for time to acknowledge and time to resolve in `analyze`'s human output
 * and found only the JSON fields (issue 10, kind 5). Needs `npm run build:cli`.
 */
test('analyze prints time to detect, acknowledge, mitigate and resolve', () => {
  const cwd = tempDir();
  mkdirSync(join(cwd, 'incidents'));
  writeFileSync(
    join(cwd, 'incidents/2026-01-10-api.md'),
    [
      '---',
      'title: API errors',
      'date: 2026-01-10',
      'timezone: UTC',
      '---',
      '14:00 API 5xx above 5% for all users',
      '14:04 [FIRING] ApiErrorRate',
      '14:11 Acknowledged by Ana',
      '14:30 rolled back the API deploy',
      '14:45 API error rate back to normal',
    ].join('\n'),
  );
  const run = runCli(['analyze', 'incidents/2026-01-10-api.md'], { cwd });
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('time to detect   4 minutes\n');
  expect(run.stdout).toContain('time to ack      7 minutes\n');
  expect(run.stdout).toContain('time to mitigate 30 minutes\n');
  expect(run.stdout).toContain('time to resolve  45 minutes\n');
});
