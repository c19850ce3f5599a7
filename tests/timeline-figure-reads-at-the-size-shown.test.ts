import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { MILESTONE_NAMES } from '../src/schemas/front-matter.js';
import type { Facts } from '../src/schemas/facts.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { MILESTONES } from '../src/pipeline/format/milestones.js';
import { loadTypesetter } from '../src/pipeline/render/fonts.js';
import { shortLabel } from '../src/pipeline/render/figure-labels.js';
import { renderTimelineSvg, timelineText } from '../src/pipeline/render/timeline-svg.js';
import type { Typesetter } from '../src/pipeline/render/typeset.js';
import { sourceFromText } from './helpers/source.js';

/**
 * What a reader sees in timeline.svg at the 960 px the incident page shows it: text boxes
 * measured in the figure's own fonts, milestone strokes and event dots on one time scale, ticks
 * at round times, and row labels without the paste's artefacts. Fixtures and their right labels
 * are in tests/fixtures/timeline-figure/ (expected.json).
 */
const FOLDER = join(import.meta.dirname, 'fixtures/timeline-figure');
const expected = JSON.parse(readFileSync(join(FOLDER, 'expected.json'), 'utf8')) as Record<
  string,
  { labels: string[]; absent?: string[] }
>;

interface Box {
  text: string;
  x: number;
  y: number;
  left: number;
  right: number;
  size: number;
  fill: string;
}

const unescape = (text: string) =>
  text
    .replace(/&#x3C;/g, '<')
    .replace(/&#x26;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const attribute = (attributes: string, name: string): string | undefined =>
  new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];

/** Every `<text>` with its drawn box: width measured as the figure measures it. */
function boxes(svg: string, typesetter: Typesetter): Box[] {
  return [...svg.matchAll(/<text ([^>]*)>(.*?)<\/text>/g)].map((match) => {
    const attributes = match[1] ?? '';
    const text = unescape((match[2] ?? '').replace(/<[^>]+>/g, ''));
    const size = Number(attribute(attributes, 'font-size') ?? 12);
    const bold = attribute(attributes, 'font-weight') === 'bold' || /<tspan/.test(match[2] ?? '');
    const width = typesetter.width(text, { size, weight: bold ? 700 : 400 });
    const x = Number(attribute(attributes, 'x'));
    const anchor = attribute(attributes, 'text-anchor') ?? 'start';
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    return {
      text,
      x,
      y: Number(attribute(attributes, 'y')),
      left,
      right: left + width,
      size,
      fill: attribute(attributes, 'fill') ?? '',
    };
  });
}

interface Figure {
  name: string;
  facts: Facts;
  svg: string;
  typesetter: Typesetter;
  barY: number;
}

async function figure(name: string): Promise<Figure> {
  const text = readFileSync(join(FOLDER, name), 'utf8');
  const { facts } = analyzeSource(sourceFromText(text, `incidents/${name}`));
  if (!facts) throw new Error(`${name} did not analyze`);
  const typesetter = await loadTypesetter(timelineText(facts));
  const svg = renderTimelineSvg(facts, typesetter);
  const bar = /<rect x="24" y="([\d.]+)" width="912" height="22" rx="4"/.exec(svg);
  return { name, facts, svg, typesetter, barY: Number(bar?.[1]) };
}

/** The x of each milestone's stroke on the bar, by its colour. */
function strokes({ svg, barY }: Figure): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of svg.matchAll(
    /<line x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="[\d.]+" stroke="(#[0-9a-f]{6})" stroke-width="2"/g,
  ))
    if (Number(match[2]) === barY) found.set(match[3] ?? '', Number(match[1]));
  return found;
}

const millis = (iso: string) => DateTime.fromISO(iso).toMillis();

const fixtures = readdirSync(FOLDER).filter((file) => file.endsWith('.md'));
const figures = await Promise.all(fixtures.map(figure));

/** The row labels: text at the rows' text column, after the milestone marks. */
const rowLabels = (f: Figure) =>
  boxes(f.svg, f.typesetter)
    .filter((box) => box.x === 180 && box.y > f.barY)
    .map((box) => box.text.replace(/^(?:[A-Z ]+ · )+/, ''));

describe('the timeline figure reads at the size the page shows it', () => {
  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: no two texts overlap, measured in the figure fonts',
    (_, f) => {
      const all = boxes(f.svg, f.typesetter);
      const overlaps: string[] = [];
      all.forEach((a, i) =>
        all.slice(i + 1).forEach((b) => {
          const sameLine = Math.abs(a.y - b.y) < Math.max(a.size, b.size);
          if (sameLine && a.left < b.right && b.left < a.right)
            overlaps.push(`${a.text} / ${b.text}`);
        }),
      );
      expect(overlaps).toEqual([]);
      // Nothing is drawn past the figure's edges.
      for (const box of all) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(960);
      }
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: every milestone is flagged with its name and time, and stroked on one time scale',
    (_, f) => {
      const stated = MILESTONE_NAMES.flatMap((name) => {
        const time = f.facts[name];
        return time ? [{ name, time }] : [];
      });
      const flags = boxes(f.svg, f.typesetter).filter((box) => box.y < f.barY);
      const at = strokes(f);
      for (const { name, time } of stated) {
        const local = DateTime.fromISO(time, { zone: f.facts.timezone });
        const forms = ['HH:mm', 'HH:mm:ss', 'LLL d HH:mm', 'LLL d HH:mm:ss'].map((form) =>
          local.toFormat(form),
        );
        const label = MILESTONES[name].label;
        const flag = flags.find((box) => box.text.includes(label));
        // The first time after its name is its own: "Impact starts · Detected 09:02 · Acknowledged 09:04".
        const after = (flag?.text ?? '').slice((flag?.text ?? '').indexOf(label));
        expect(forms, name).toContain(
          /(?:[A-Z][a-z]{2} \d{1,2} )?\d\d:\d\d(?::\d\d)?/.exec(after)?.[0],
        );
        // The flag starts (or ends) beside its own milestone's stroke.
        const x = at.get(MILESTONES[name].colour);
        expect(x, name).toBeDefined();
        expect(
          Math.min(
            Math.abs((flag?.left ?? 0) - 4 - (x ?? 0)),
            Math.abs((flag?.right ?? 0) + 4 - (x ?? 0)),
          ),
        ).toBeLessThan(1);
      }
      // One linear scale: px per ms is the same between any two milestones.
      const points = stated.map(({ name, time }) => ({
        t: millis(time),
        x: at.get(MILESTONES[name].colour) ?? NaN,
      }));
      const first = points[0];
      const last = points[points.length - 1];
      if (!first || !last || last.t === first.t) return;
      const perMs = (last.x - first.x) / (last.t - first.t);
      for (const point of points)
        expect(Math.abs(first.x + (point.t - first.t) * perMs - point.x)).toBeLessThan(0.2);
      // Each timed event's dot under the bar sits on the same scale.
      const dots = [...f.svg.matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="2.5"/g)].map((m) =>
        Number(m[1]),
      );
      expect(dots.length).toBeGreaterThan(0);
      for (const event of f.facts.events) {
        if (!event.time) continue;
        const x = first.x + (millis(event.time) - first.t) * perMs;
        if (x < 24 || x > 936) continue;
        expect(dots.some((dot) => Math.abs(dot - x) <= 1)).toBe(true);
      }
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    "%s: no flag's leader line runs through another flag's text",
    (_, f) => {
      const flags = boxes(f.svg, f.typesetter).filter((box) => box.y > 60 && box.y < f.barY);
      const leaders = [
        ...f.svg.matchAll(/<line x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)"/g),
      ]
        .map((m) => ({ x: Number(m[1]), top: Number(m[2]), bottom: Number(m[3]) }))
        .filter((line) => line.top < f.barY && line.bottom === f.barY);
      expect(leaders.length).toBeGreaterThan(0);
      const crossings = flags.flatMap((flag) =>
        leaders
          .filter(
            (line) =>
              line.x >= flag.left &&
              line.x <= flag.right &&
              line.top < flag.y &&
              line.bottom > flag.y - 11,
          )
          .map((line) => `${flag.text} crossed at x=${line.x}`),
      );
      expect(crossings).toEqual([]);
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: an incident with no resolution stated reaches its latest update on the bar',
    (_, f) => {
      if (f.facts.resolved) return;
      const at = strokes(f);
      const stated = MILESTONE_NAMES.flatMap((name) => {
        const time = f.facts[name];
        const x = at.get(MILESTONES[name].colour);
        return time && x !== undefined ? [{ t: millis(time), x }] : [];
      }).sort((a, b) => a.t - b.t);
      const first = stated[0];
      const last = stated[stated.length - 1];
      if (!first || !last || first.t === last.t) return;
      const perMs = (last.x - first.x) / (last.t - first.t);
      const latest = Math.max(...f.facts.events.flatMap((e) => (e.time ? [millis(e.time)] : [])));
      expect(first.x + (latest - first.t) * perMs).toBeLessThanOrEqual(936.5);
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: the incident, not its lead-up or its follow-ups, takes most of the bar',
    (_, f) => {
      if (!f.facts.start || !f.facts.resolved) return;
      const phases = [
        ...f.svg.matchAll(
          new RegExp(`<rect x="[\\d.]+" y="${f.barY}" width="([\\d.]+)" height="22" fill=`, 'g'),
        ),
      ].reduce((sum, match) => sum + Number(match[1]), 0);
      expect(phases).toBeGreaterThan(912 * 0.5);
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: ticks fall on round times and the first names the zone the subtitle names',
    (_, f) => {
      const all = boxes(f.svg, f.typesetter);
      const ticks = all.filter(
        (box) => box.fill === '#374151' && box.y > f.barY && box.y < f.barY + 60,
      );
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      const subtitle = all.find((box) => box.y === 56)?.text ?? '';
      const zone = /\d\d:\d\d(?::\d\d)? (\S+) ·/.exec(subtitle)?.[1];
      expect(zone).toBeDefined();
      // Seconds since midnight of each tick's clock.
      const clocks = ticks.flatMap((tick) => {
        const clock = /(\d\d):(\d\d)(?::(\d\d))?/.exec(tick.text);
        return clock
          ? [Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0)]
          : [];
      });
      if (clocks.length > 0)
        expect(ticks.find((tick) => /\d\d:\d\d/.test(tick.text))?.text).toContain(` ${zone}`);
      const step = Math.min(
        ...clocks.slice(1).map((c, k) => (c - (clocks[k] ?? 0) + 86_400) % 86_400),
      );
      for (const clock of clocks) expect(clock % Math.min(step, 3600)).toBe(0);
    },
  );

  test.each(figures.map((f) => [f.name, f] as const))(
    '%s: row labels say what happened, without stamps, handles, tags, links, markup or records',
    (name, f) => {
      const labels = rowLabels(f);
      for (const label of labels) {
        expect(label).not.toMatch(/^\[[\w-]+\]|@\w|\[\d+\]:|\[(?:FIRING|RESOLVED)/i);
        expect(label).not.toMatch(/https?:\/\/|\*\*|`|\]\(|\s->\s/);
        expect(label).not.toMatch(/\b[a-z_]+=\S|\b[a-z_]+ = \S/);
        expect(label).not.toMatch(/^\d{4}-\d\d-\d\d|^\d{1,2}:\d\d/);
      }
      const right = expected[name];
      expect(right, `expected.json has ${name}`).toBeDefined();
      for (const label of right?.labels ?? []) expect(labels).toContain(label);
      for (const text of right?.absent ?? []) expect(labels.join('\n')).not.toContain(text);
    },
  );
});

describe('a label longer than its row is shortened where a reader expects', async () => {
  const typesetter = await loadTypesetter('');
  const style = { size: 12 } as const;
  const long =
    'Replicas in sync again after the failover. Latency and availability problems addressed, status kept red while the webhook backlog drains over the next hours';

  test('to its first sentence when that fits and says something', () => {
    expect(shortLabel(long, typesetter, style, 400)).toBe(
      'Replicas in sync again after the failover.',
    );
  });

  test('after the last whole word that fits, with an ellipsis', () => {
    const cut = shortLabel(long, typesetter, style, 200);
    expect(cut.endsWith('…')).toBe(true);
    expect(typesetter.width(cut, style)).toBeLessThanOrEqual(200);
    const kept = cut.slice(0, -1);
    expect(long.startsWith(kept)).toBe(true);
    expect(long[kept.length]).toMatch(/[\s.,]/);
  });

  test('whole when it fits', () => {
    expect(shortLabel('Rolled back.', typesetter, style, 200)).toBe('Rolled back.');
  });
});
