import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generate, packStatus, type GenerateEvent } from '../src/pipeline/generate.js';
import { builtinWriter } from '../src/pipeline/write/builtin/builtin-writer.js';
import type { Writer } from '../src/pipeline/write/writer.js';
import { tempDir } from './helpers/cli.js';

const INCIDENT = (minute: number) => `---
title: Queue backlog
date: 2026-02-01
---
10:00 UTC [Datadog] queue depth alert, consumers failing
10:05 UTC @ana acknowledged
10:${String(minute).padStart(2, '0')} UTC consumers restarted, backlog cleared
10:40 UTC incident resolved
`;

function setup(): { root: string; incidents: string; out: string } {
  const root = tempDir();
  const incidents = join(root, 'incidents');
  mkdirSync(incidents);
  writeFileSync(join(incidents, '2026-02-01-queue-backlog.md'), INCIDENT(20));
  writeFileSync(join(incidents, 'README.md'), '# not an incident');
  writeFileSync(join(incidents, '_template.md'), '# not an incident either');
  return { root, incidents, out: join(root, 'out') };
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const slug of readdirSync(dir)) {
    const path = join(dir, slug);
    if (!statSync(path).isDirectory()) continue;
    for (const name of readdirSync(path))
      files[`${slug}/${name}`] = readFileSync(join(path, name)).toString('base64');
  }
  return files;
}

describe('generate writes one pack per incident and regenerates only what changed', () => {
  test('README.md and _template.md are not incidents', async () => {
    const { incidents, out } = setup();
    const report = await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(report.generated).toEqual(['2026-02-01-queue-backlog']);
  });

  test('a rerun is byte-identical and regenerates nothing', async () => {
    const { incidents, out } = setup();
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    const first = snapshot(out);
    const calls: string[] = [];
    const counting: Writer = {
      ...builtinWriter,
      write: (facts, raw) => (calls.push(facts.slug), builtinWriter.write(facts, raw)),
    };
    const report = await generate({ inputs: [incidents], out, writer: counting });
    expect(report.cached).toEqual(['2026-02-01-queue-backlog']);
    expect(calls).toEqual([]);
    expect(snapshot(out)).toEqual(first);
    rmSync(out, { recursive: true });
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(snapshot(out)).toEqual(first);
  });

  test('a changed incident is regenerated and a deleted one is removed', async () => {
    const { incidents, out } = setup();
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    writeFileSync(join(incidents, '2026-02-01-queue-backlog.md'), INCIDENT(25));
    writeFileSync(join(incidents, '2026-02-02-other.md'), INCIDENT(30));
    const second = await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(second.generated.sort()).toEqual(['2026-02-01-queue-backlog', '2026-02-02-other']);
    expect(readFileSync(join(out, '2026-02-01-queue-backlog/postmortem.md'), 'utf8')).toContain(
      '10:25 UTC',
    );
    rmSync(join(incidents, '2026-02-02-other.md'));
    const third = await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(third.removed).toEqual(['2026-02-02-other']);
    expect(JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))).toEqual({
      packs: ['2026-02-01-queue-backlog'],
    });
  });

  test('build skips generate only when it would change nothing', async () => {
    const { incidents, out } = setup();
    const status = () => packStatus({ inputs: [incidents], out, writer: builtinWriter });
    const check = async () => (await status()).current;
    expect(await check()).toBe(false);
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    expect(await status()).toEqual({ current: true, count: 1, stale: 0 });
    writeFileSync(join(incidents, '2026-02-01-queue-backlog.md'), INCIDENT(25));
    expect(await status()).toEqual({ current: false, count: 1, stale: 1 });
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    writeFileSync(join(incidents, '2026-02-02-other.md'), INCIDENT(30));
    expect(await check()).toBe(false);
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    rmSync(join(incidents, '2026-02-02-other.md'));
    expect(await check()).toBe(false);
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    rmSync(join(out, 'index.json'));
    expect(await check()).toBe(false);
    // No incidents yet and no index: generate must still run, to write an empty index.
    const empty = join(tempDir(), 'incidents');
    mkdirSync(empty);
    const nothing = await packStatus({
      inputs: [empty],
      out: join(empty, '../out'),
      writer: builtinWriter,
    });
    expect(nothing.current).toBe(false);
  });

  test('a writer that crashes mid-run leaves the previous pack whole', async () => {
    const { incidents, out } = setup();
    await generate({ inputs: [incidents], out, writer: builtinWriter });
    const before = snapshot(out);
    writeFileSync(join(incidents, '2026-02-01-queue-backlog.md'), INCIDENT(26));
    const crashing: Writer = {
      ...builtinWriter,
      keyFor: () => Promise.resolve('crash'),
      write: () => Promise.reject(new Error('disk full')),
    };
    await expect(generate({ inputs: [incidents], out, writer: crashing })).rejects.toThrow(
      'disk full',
    );
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

test('progress counts an incident with errors among the packs to write, and says so when it is reached', async () => {
  // Incidents are analysed as they are generated (issue 17), so the plan comes before any
  // analysis and a bad incident is one of its steps, not a count found after analysing all.
  const { incidents, out } = setup();
  writeFileSync(
    join(incidents, '2026-02-02-resolved-too-early.md'),
    INCIDENT(20).replace('date: 2026-02-01', 'date: 2026-02-01\nresolved: "2026-01-01 10:00"'),
  );
  const events: GenerateEvent[] = [];
  const report = await generate({
    inputs: [incidents],
    out,
    writer: builtinWriter,
    onProgress: (event) => events.push(event),
  });
  expect(report.failed).toEqual(['2026-02-02-resolved-too-early']);
  expect(events[0]).toEqual({ kind: 'planned', total: 2, unchanged: 0, failed: 0 });
  const steps = events.slice(1).flatMap((event) => (event.kind === 'planned' ? [] : [event]));
  expect(steps.map(({ kind, slug }) => `${kind} ${slug}`).sort()).toEqual([
    'failed 2026-02-02-resolved-too-early',
    'written 2026-02-01-queue-backlog',
  ]);
  expect(steps.map(({ done, total }) => `${done}/${total}`)).toEqual(['1/2', '2/2']);
  expect(readdirSync(out)).not.toContain('2026-02-02-resolved-too-early');
});
