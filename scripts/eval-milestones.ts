/**
 * npm run eval:milestones: how often `analyze` gets each stated milestone right, over every
 * fixture that carries an answer (tests/fixtures/corpus `*.truth.json`, tests/fixtures/cases and
 * tests/fixtures/real-pastes `*.expected.json`), and whether its confidence means anything
 * (calibration: accuracy per confidence level). Prints figures; asserts nothing.
 *
 * `npm run eval:milestones -- <folder>...` scores other folders instead (a held-out set: each
 * `name.md` beside a `name.truth.json` or `name.expected.json`); `--misses` lists every miss.
 *
 * A milestone counts when the answer states it (non-null) and `analyze` gives the same minute;
 * a duration counts when within 1% of the stated one. A file `analyze` refuses scores zero.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { decodeSourceFile } from '../src/pipeline/load/source-file.js';
import type { Facts } from '../src/schemas/facts.js';

const MILESTONES = ['start', 'detected', 'acknowledged', 'identified', 'mitigated', 'resolved'];
const ANSWER_SUFFIXES = ['.truth.json', '.expected.json'];
const DEFAULT_FOLDERS = [
  'tests/fixtures/corpus',
  'tests/fixtures/cases',
  'tests/fixtures/real-pastes',
];
const folderArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const FOLDERS = folderArgs.length > 0 ? folderArgs : DEFAULT_FOLDERS;

interface Tally {
  right: number;
  total: number;
}
const tally = (): Tally => ({ right: 0, total: 0 });
const add = (t: Tally, ok: boolean): void => {
  t.total++;
  if (ok) t.right++;
};
const pct = (t: Tally): string =>
  t.total === 0 ? '   -' : `${((100 * t.right) / t.total).toFixed(0).padStart(3)}%`;

const minute = (iso: string | null | undefined): string | null =>
  iso ? DateTime.fromISO(iso).toUTC().startOf('minute').toISO() : null;

const perMilestone = new Map(MILESTONES.map((name) => [name, tally()]));
const perFolder = new Map(FOLDERS.map((folder) => [folder, tally()]));
const byConfidence = new Map<string, Tally>();
const startResolved = tally();
const durations = tally();
const all = tally();
const wrongMarked = tally();
const refused: string[] = [];
const misses: string[] = [];

for (const folder of FOLDERS) {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => ANSWER_SUFFIXES.some((s) => name.endsWith(s)));
  } catch {
    process.stderr.write(`eval-milestones: cannot read folder ${folder}; skipped\n`);
    continue;
  }
  for (const answerName of names) {
    const suffix = ANSWER_SUFFIXES.find((s) => answerName.endsWith(s)) as string;
    const base = answerName.slice(0, -suffix.length);
    const answer = JSON.parse(readFileSync(join(folder, answerName), 'utf8')) as Record<
      string,
      unknown
    >;
    const decoded = decodeSourceFile(
      `incidents/${base}.md`,
      new Uint8Array(readFileSync(join(folder, `${base}.md`))),
    );
    const facts: Facts | null = decoded.file ? analyzeSource(decoded.file).facts : null;
    if (!facts) refused.push(`${folder}/${base}.md`);
    for (const name of MILESTONES) {
      const expected = answer[name];
      if (typeof expected !== 'string') continue;
      const actual = facts?.[name as keyof Facts] as string | null | undefined;
      const ok = minute(actual) === minute(expected);
      add(perMilestone.get(name) as Tally, ok);
      add(perFolder.get(folder) as Tally, ok);
      add(all, ok);
      if (name === 'start' || name === 'resolved') add(startResolved, ok);
      const evidence = (facts as { evidence?: Record<string, { confidence?: string } | null> })
        ?.evidence?.[name];
      const level = evidence?.confidence ?? (actual ? 'pinned/unknown' : 'not stated');
      const levelTally = byConfidence.get(level) ?? tally();
      add(levelTally, ok);
      byConfidence.set(level, levelTally);
      if (!ok) {
        add(wrongMarked, level === 'low' || level === 'medium' || level === 'not stated');
        misses.push(
          `  ${base} ${name}: expected ${minute(expected) ?? '-'}, got ${minute(actual) ?? 'null'} (${level})`,
        );
      }
    }
    const expectedDuration = answer.duration_minutes ?? answer.durationMinutes;
    if (typeof expectedDuration === 'number') {
      const actual = facts?.durationMinutes;
      add(
        durations,
        typeof actual === 'number' &&
          Math.abs(actual - expectedDuration) <= Math.max(0.5, expectedDuration * 0.01),
      );
    }
  }
}

const out: string[] = [];
out.push('milestone      accuracy  (right/stated)');
for (const [name, t] of perMilestone)
  out.push(`${name.padEnd(14)} ${pct(t)}      ${t.right}/${t.total}`);
out.push(`${'all'.padEnd(14)} ${pct(all)}      ${all.right}/${all.total}`);
out.push(
  `${'start+resolved'.padEnd(14)} ${pct(startResolved)}      ${startResolved.right}/${startResolved.total}`,
);
out.push(
  `${'durations ±1%'.padEnd(14)} ${pct(durations)}      ${durations.right}/${durations.total}`,
);
out.push('');
out.push('by folder');
for (const [folder, t] of perFolder)
  out.push(`  ${folder.padEnd(28)} ${pct(t)}  ${t.right}/${t.total}`);
out.push('');
out.push('calibration    accuracy  (right/total)');
for (const [level, t] of [...byConfidence].sort())
  out.push(`${level.padEnd(14)} ${pct(t)}      ${t.right}/${t.total}`);
out.push(`wrong ones marked low/medium/not stated: ${wrongMarked.right}/${wrongMarked.total}`);
out.push(`refused files: ${refused.length}${refused.length ? ` (${refused.join(', ')})` : ''}`);
if (process.argv.includes('--misses')) out.push('', 'misses', ...misses);
process.stdout.write(`${out.join('\n')}\n`);
