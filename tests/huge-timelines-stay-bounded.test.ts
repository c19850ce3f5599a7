import { afterEach, describe, expect, test, vi } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { loadTypesetter } from '../src/pipeline/render/fonts.js';
import { renderTimelineSvg, timelineText } from '../src/pipeline/render/timeline-svg.js';
import type { Facts } from '../src/schemas/facts.js';
import { sourceFromText } from './helpers/source.js';

function factsOf(lines: string[]): Facts {
  const text = [
    '---',
    'title: Checkout errors',
    'date: 2026-03-04',
    'timezone: UTC',
    '---',
    '',
    ...lines,
  ].join('\n');
  const { facts } = analyzeSource(sourceFromText(text, 'incidents/2026-03-04-checkout.md'));
  if (!facts) throw new Error('no facts');
  return facts;
}

const clock = (minute: number) =>
  `${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** A pasted log of 600 short lines, each with a non-ASCII arrow, then the resolution. */
const longTimeline = () =>
  factsOf([
    ...Array.from(
      { length: 600 },
      (_, i) => `${clock(Math.floor(i / 60))}:${String(i % 60).padStart(2, '0')} retry ${i} → 503`,
    ),
    '18:00 incident resolved',
  ]);

describe('a huge timeline is laid out for what the figure shows', () => {
  afterEach(() => vi.restoreAllMocks());

  test('the figure loads fonts for the events it shows, not for every line', () => {
    const facts = longTimeline();
    const text = timelineText(facts);
    expect(facts.events.length).toBeGreaterThan(600);
    expect(text).toContain('retry 0 →');
    expect(text).toContain('incident resolved');
    // The middle of the log is one gap row in the figure, so its fonts are not looked for.
    expect(text).not.toContain('retry 300 →');
    expect(text.split('\n').length).toBeLessThan(70);
  });

  test('no call to Intl.Segmenter sees more than 1,024 characters, however long a line is', async () => {
    const huge = 'pool café 接続 exhausted → retrying 👨‍👩‍👧 '.repeat(5000);
    const facts = factsOf([
      `08:00 [Datadog] alert payload: ${huge}`,
      `08:10 ${huge}`,
      '08:20 incident resolved',
    ]);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const typesetter = await loadTypesetter(timelineText(facts), facts.language);
    const svg = renderTimelineSvg(facts, typesetter);
    const lines = typesetter.wrap(huge, { size: 60, weight: 700 }, 1056, 3);
    const longest = Math.max(...segment.mock.calls.map(([input]) => String(input).length));
    expect(segment).toHaveBeenCalled();
    expect(longest).toBeLessThanOrEqual(1024);
    // The rows and the wrapped title are cut, with an ellipsis, to what is drawn.
    expect(svg.match(/…<\/text>/g)?.length).toBeGreaterThanOrEqual(2);
    expect(lines).toHaveLength(3);
    expect(lines[2]?.endsWith('…')).toBe(true);
  });

  test('a cluster that straddles a segmenting window is measured whole', async () => {
    const family = '👨‍👩‍👧';
    const typesetter = await loadTypesetter(`é${family}`);
    const style = { size: 12 };
    const alone = typesetter.width(family, style);
    // The family starts a few characters either side of the 1,024th.
    for (let before = 1018; before <= 1026; before++) {
      const pad = 'é'.repeat(before);
      expect(typesetter.width(pad + family, style)).toBeCloseTo(
        typesetter.width(pad, style) + alone,
        6,
      );
    }
  });
});
