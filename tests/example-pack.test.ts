import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { renderPack } from '../src/pipeline/render/render-pack.js';
import { nodeFontSource } from '../src/pipeline/render/fonts.js';
import { renderPng } from '../src/pipeline/render/timeline-png.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import { sourceFromFixture } from './helpers/source.js';

const EXAMPLE = join(
  import.meta.dirname,
  '../incidents/2026-01-10-database-connection-pool-exhaustion.md',
);

async function examplePack() {
  const { facts } = analyzeSource(sourceFromFixture(EXAMPLE));
  if (!facts) throw new Error('example did not analyze');
  return {
    facts,
    pack: await renderPack(facts, writeBuiltin(facts), {
      fonts: nodeFontSource,
      rasterize: renderPng,
    }),
  };
}

const { facts, pack } = await examplePack();

describe('the shipped example incident becomes the pack the issue describes', () => {
  const text = (name: string) => String(pack[name]);

  test('the facts are right: 29 minutes, 12,400 users, 14:23 to 14:52 UTC', () => {
    expect(facts).toMatchObject({
      start: '2026-01-10T14:23:00+00:00',
      detected: '2026-01-10T14:23:00+00:00',
      acknowledged: '2026-01-10T14:25:00+00:00',
      identified: '2026-01-10T14:35:00+00:00',
      resolved: '2026-01-10T14:52:00+00:00',
      durationMinutes: 29,
      usersAffected: 12400,
      severity: 'P1',
    });
  });

  test('the postmortem states every figure and human section', () => {
    const md = text('postmortem.md');
    for (const needle of [
      '29 minutes',
      '12,400',
      'At the worst point: "Error rate: 23% of requests returning 503"',
      '14:23 UTC',
      '14:52 UTC',
      'connection.release()',
      'Rolled back user-sync to v2.3.1',
      'Raised the pool timeout to 30 seconds',
      'pg_terminate_backend()',
      'Added pool alerts at 80% capacity',
      'Add connection leak detection to CI',
      'Add integration tests for connection-handling edge cases',
    ]) {
      expect(md).toContain(needle);
    }
    const headings = md.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Impact',
      '## Trigger',
      '## Root cause',
      '## Detection',
      '## Response and recovery',
      '## Timeline',
      '## Lessons learned',
      '## Action items',
      '## To our users',
    ]);
    expect(md).toContain(
      '**Date:** January 10, 2026 · **Impact window:** 14:23 to 14:52 UTC · **Duration:** 29 minutes · **Impact:** 12,400 users; error rate: 23% of requests returning 503 · **Severity:** P1 · **Incident status:** resolved · **Document status:** draft',
    );
    expect(md).toMatch(/^\| Action +\| Type +\| Priority +\| Owner +\| Ticket +\| Status +\|$/m);
  });

  test('inferred milestones are marked with their lines, and the published text tells no author what to do', () => {
    const md = text('postmortem.md');
    expect(md).toContain(
      '_Inferred from the timeline, not stated:_ cause identified from line 22 (medium confidence); mitigated from line 25 (low confidence).',
    );
    // Pinning a milestone is check's hint (check-warns-where-to-look), not the reader's business.
    expect(md).not.toMatch(/front matter|If one is wrong|pin it/i);
  });

  test('the HN post and the thread carry the headline figures', () => {
    expect(text('hn-post.txt').split('\n')[0]).toBe(
      'Postmortem: Database Connection Pool Exhaustion',
    );
    expect(text('hn-post.txt')).toContain('12,400');
    expect(text('twitter-thread.txt')).toContain('29 minutes');
  });

  test.each([
    'postmortem.md',
    'postmortem.mdx',
    'hn-post.txt',
    'twitter-thread.txt',
    'timeline.svg',
  ])('%s matches its golden file', async (name) => {
    await expect(text(name)).toMatchFileSnapshot(
      join(import.meta.dirname, 'fixtures/golden/database-connection-pool-exhaustion', name),
    );
  });

  test('the same input gives byte-identical files, PNG included', async () => {
    const again = (await examplePack()).pack;
    for (const [name, data] of Object.entries(pack))
      expect(Buffer.from(again[name] ?? '').equals(Buffer.from(data))).toBe(true);
  });

  test('the example file reads back as the README describes', () => {
    expect(readFileSync(EXAMPLE, 'utf8')).toContain(
      '14:23 UTC [PagerDuty] CRITICAL: API response time > 5000ms',
    );
  });
});
