import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzePaste, milestoneRows, writePack } from '../src/browser/paste-to-pack.js';
import { nodeFontSource } from '../src/pipeline/render/fonts.js';
import { slugify } from '../src/pipeline/load/incident-from-paste.js';

const EXAMPLE_NAME = '2026-01-10-database-connection-pool-exhaustion';
const EXAMPLE = readFileSync(join(import.meta.dirname, `../incidents/${EXAMPLE_NAME}.md`), 'utf8');
const GOLDEN = join(import.meta.dirname, 'fixtures/golden/database-connection-pool-exhaustion');

const RAW = `14:23 UTC [PagerDuty] CRITICAL: checkout API 5xx above 20%
14:26 UTC [Slack] @ana acknowledged, investigating
14:31 UTC [GitHub] Identified: deploy 4411 broke the payment client
14:35 UTC rolled back deploy 4411
14:52 UTC [PagerDuty] resolved, error rate normal
`;

describe('a paste becomes the incident file the CLI would build from', () => {
  test('a complete incident file is kept byte for byte and named after its date and title', () => {
    const { incident, facts, diagnostics } = analyzePaste(EXAMPLE, {});
    // The example states its mitigation only as an outcome line; the one warning says to pin it.
    expect(diagnostics.map((d) => d.code)).toEqual(['milestone/low-confidence']);
    expect(incident?.path).toBe(`incidents/${EXAMPLE_NAME}.md`);
    expect(incident?.text).toBe(EXAMPLE);
    expect(facts?.slug).toBe(EXAMPLE_NAME);
  });

  test('its pack text is the same bytes as the golden pack', async () => {
    const { facts } = analyzePaste(EXAMPLE, {});
    const { files } = await writePack(facts!, nodeFontSource);
    for (const name of ['postmortem.md', 'timeline.svg', 'hn-post.txt', 'twitter-thread.txt'])
      expect({ name, text: files[name as keyof typeof files] }).toEqual({
        name,
        text: readFileSync(join(GOLDEN, name), 'utf8'),
      });
  });

  test('a bare timeline gets front matter filled in from the analysis', () => {
    const { incident, facts } = analyzePaste(RAW, { date: '2026-05-04' });
    expect(incident?.path).toBe(`incidents/2026-05-04-${slugify(facts!.title)}.md`);
    expect(incident?.text).toMatch(/^---\ntitle: .+\ndate: 2026-05-04\ntimezone: UTC\n/);
    expect(incident?.text).toContain('status: resolved');
    expect(incident?.text.endsWith(RAW)).toBe(true);
    expect(facts?.durationMinutes).toBe(29);
  });

  test('fields win over the paste, and the rest of its front matter is kept', () => {
    const { incident, facts } = analyzePaste(EXAMPLE, {
      title: 'Pool exhausted by a leak',
      severity: 'SEV1',
      usersAffected: 9000,
    });
    expect(incident?.path).toBe('incidents/2026-01-10-pool-exhausted-by-a-leak.md');
    expect(facts).toMatchObject({ title: 'Pool exhausted by a leak', severity: 'SEV1' });
    expect(facts?.usersAffected).toBe(9000);
    expect(incident?.text).toContain('  - user-sync');
  });

  test('an assumed time zone is still reported once the file states it', () => {
    const { diagnostics } = analyzePaste(RAW.replaceAll(' UTC', ''), { date: '2026-05-04' });
    expect(diagnostics.map((d) => d.code)).toContain('timeline/no-zone');
  });

  test('what cleaning the paste removed is still reported', () => {
    const { incident, diagnostics } = analyzePaste(`\u001b[31m${RAW}\u001b[0m`, {
      date: '2026-05-04',
    });
    expect(incident?.text).not.toContain('\u001b');
    expect(diagnostics.map((d) => d.code)).toContain('load/control-characters');
  });

  test('errors name the paste and leave no file', () => {
    const { incident, diagnostics } = analyzePaste('25:61 UTC everything down\n', {});
    expect(incident).toBeNull();
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'pasted-timeline.md' });
    expect(analyzePaste('   \n', {}).diagnostics[0]?.code).toBe('load/empty');
  });
});

describe('the milestone table shows how sure the analysis is of each milestone', () => {
  test('each row has its cited line, its confidence, and inferred ones are marked as postmortem.md marks them', async () => {
    const { facts, incident } = analyzePaste(EXAMPLE, {});
    const rows = milestoneRows(facts!, incident!.text);
    const shown = Object.fromEntries(
      rows.map((row) => [row.name, [row.line, row.confidence, row.runnerUpLine]]),
    );
    expect(shown).toEqual({
      start: [15, 'high confidence', 16],
      detected: [15, 'high confidence', 16],
      // Joining a call is not an acknowledgement, so nothing else competes with line 17.
      acknowledged: [17, 'high confidence', null],
      identified: [22, 'inferred: medium confidence', 19],
      mitigated: [25, 'inferred: low confidence', 26],
      resolved: [26, 'high confidence', 25],
    });
    expect(rows.find((row) => row.name === 'mitigated')?.lineText).toBe(
      EXAMPLE.split('\n')[24]!.trim(),
    );
    // The same words the postmortem uses for the same milestone.
    const { files } = await writePack(facts!, nodeFontSource);
    expect(files['postmortem.md']).toContain('mitigated, inferred: low confidence');
  });

  test('a milestone pinned in the front matter is stated, not inferred; one not found is not stated', () => {
    const { incident } = analyzePaste(RAW, { date: '2026-05-04' });
    const pinned = analyzePaste(
      incident!.text.replace('\n---\n', '\nmitigated: "2026-05-04 14:35"\n---\n'),
      {},
    );
    expect(pinned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const row = milestoneRows(pinned.facts!, pinned.incident!.text).find(
      (r) => r.name === 'mitigated',
    );
    expect(row).toMatchObject({ confidence: 'stated in the front matter', level: null });
    const bare = analyzePaste('10:00 UTC checkout errors\n', { date: '2026-05-04' });
    expect(
      milestoneRows(bare.facts!, bare.incident!.text)
        .filter((r) => r.time === null)
        .map((r) => r.name),
    ).toContain('resolved');
  });

  test('a low-confidence milestone comes with the warning `incidentpost check` prints', () => {
    const { facts, incident, diagnostics } = analyzePaste(EXAMPLE, {});
    const low = milestoneRows(facts!, incident!.text).filter((row) => row.level === 'low');
    expect(low.map((row) => row.name)).toEqual(['mitigated']);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'milestone/low-confidence',
        file: incident!.path,
        line: low[0]!.line,
        message: expect.stringMatching(/^"mitigated" is a guess from weak evidence/),
      }),
    ]);
  });
});
