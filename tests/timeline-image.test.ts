import { renderAsync } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import type { Facts, TimelineEvent } from '../src/schemas/facts.js';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { FONT_FILES, renderPng, resvgOptions } from '../src/pipeline/render/timeline-png.js';
import { renderTimelineSvg, timelineText } from '../src/pipeline/render/timeline-svg.js';
import { loadTypesetter } from '../src/pipeline/render/fonts.js';
import { encodePng } from '../src/pipeline/render/png-encode.js';
import { sourceFromText } from './helpers/source.js';

/** The PNG renderPng would make of what resvg drew (png-encode.ts). */
const encoded = (image: { pixels: Buffer; width: number; height: number }) =>
  encodePng(image.pixels, image.width, image.height);

/** 40 events over three days, with bursts of events minutes apart. */
function busyIncident(): Facts {
  const lines: string[] = [
    '---',
    'title: Storage cluster degraded for three days',
    'date: 2026-05-04',
    'timezone: Europe/Berlin',
    '---',
    '',
  ];
  for (let i = 0; i < 40; i++) {
    const day = 4 + Math.floor(i / 14);
    const minutes = (i % 14) * 3 + (i % 3 === 0 ? 0 : 1);
    const kind = [
      'errors rising on storage node',
      'alert fired for disk latency',
      'restarted the node',
      'investigating the controller',
      'latency back to normal for shard',
    ][i % 5];
    lines.push(
      `2026-05-0${day} ${String(8 + (i % 14)).padStart(2, '0')}:${String(minutes).padStart(2, '0')} ${kind} ${i} <b>&"quoted"</b>`,
    );
  }
  lines.push('2026-05-06 23:00 incident resolved');
  const { facts } = analyzeSource(
    sourceFromText(lines.join('\n'), 'incidents/2026-05-04-storage.md'),
  );
  if (!facts) throw new Error('no facts');
  return facts;
}

interface Label {
  x: number;
  y: number;
  width: number;
  text: string;
}

/** Every text element with its estimated extent (DejaVu Sans is about 0.62 em per character). */
function labels(svg: string): Label[] {
  return [
    ...svg.matchAll(
      /<text x="([\d.]+)" y="([\d.]+)"(?: text-anchor="(\w+)")? font-size="(\d+)"[^>]*>(.*?)<\/text>/g,
    ),
  ].map((m) => {
    const text = (m[5] ?? '').replace(/<[^>]+>/g, '').replace(/&\w+;/g, '_');
    const width = text.length * Number(m[4]) * 0.62;
    const anchor = m[3] ?? 'start';
    const x = Number(m[1]) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    return { x, y: Number(m[2]), width, text };
  });
}

const facts = busyIncident();
const typesetter = await loadTypesetter(timelineText(facts));

describe('timeline.svg stays readable and is the same every time', () => {
  const svg = renderTimelineSvg(facts, typesetter);

  test('40 events over three days: no two labels overlap', () => {
    expect(facts.events).toHaveLength(41);
    const all = labels(svg);
    const overlaps: string[] = [];
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] as Label;
        const b = all[j] as Label;
        if (Math.abs(a.y - b.y) < 12 && a.x < b.x + b.width && b.x < a.x + a.width)
          overlaps.push(`${a.text} / ${b.text}`);
      }
    }
    expect(overlaps).toEqual([]);
    expect(svg).toContain('Monday, May 4, 2026');
    expect(svg).toContain('Wednesday, May 6, 2026');
  });

  test('it has a title and a description for screen readers', () => {
    expect(svg).toMatch(
      /<title id="timeline-title">Timeline: Storage cluster degraded for three days<\/title>/,
    );
    expect(svg).toMatch(
      /<desc id="timeline-desc">Timeline of 41 events\. Impact starts: May 4 08:00 UTC\+02:00; .*Resolved: May 6 \d\d:\d\d UTC\+02:00\.<\/desc>/,
    );
  });

  test('text from the incident is escaped, never markup', () => {
    expect(svg).not.toContain('<b>');
    // Markup pasted into a line is no part of a public line (the source-artefact cues take it
    // out); what is left is escaped by xast-util-to-xml: `&` as a character reference.
    expect(svg).not.toContain('&#x3C;b>');
    expect(svg).toContain('&#x26;"quoted"');
  });

  test('milestones and phase durations are marked', () => {
    for (const label of ['Impact starts', 'Detected', 'Mitigated', 'Resolved'])
      expect(svg).toContain(label);
    expect(svg).toMatch(/recovering \d+d \d+h|responding \d+d \d+h/);
  });

  test('same facts, same bytes: SVG and PNG', async () => {
    expect(renderTimelineSvg(structuredClone(facts), typesetter)).toBe(svg);
    const png = await renderPng(svg);
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe('PNG');
    expect(Buffer.from(await renderPng(svg)).equals(Buffer.from(png))).toBe(true);
  });

  test('the PNG is the one the full DejaVu fonts draw, for every script DejaVu covers', async () => {
    const withFullFonts = async (source: string) =>
      Buffer.from(await encoded(await renderAsync(source, resvgOptions(FONT_FILES, 960))));
    const scripts = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="80" font-family="'DejaVu Sans', sans-serif"><text x="10" y="30" font-size="14">Ошибка базы · Σφάλμα · hata ğış → ½ ≠ ∞ ✓</text><text x="10" y="60" font-size="14" font-weight="bold">Café 10 % — “mitigated” ⚠ ß</text></svg>`;
    for (const source of [svg, scripts])
      expect(Buffer.from(await renderPng(source)).equals(await withFullFonts(source))).toBe(true);
  });

  test('images drawn at the same time, each with characters of its own, match the full fonts', async () => {
    const card = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="40" font-family="'DejaVu Sans', sans-serif"><text x="10" y="28" font-size="16">${text}</text></svg>`;
    // Shared characters only, two images with characters of their own, and one repeated.
    const sources = ['Database failover', 'Ошибка базы', 'Σφάλμα δίσκου', 'Ошибка базы'].map(card);
    const drawn = await Promise.all(sources.map((source) => renderPng(source, 400)));
    const full = await Promise.all(
      sources.map(async (source) =>
        Buffer.from(await encoded(await renderAsync(source, resvgOptions(FONT_FILES, 400)))),
      ),
    );
    drawn.forEach((png, i) => expect(Buffer.from(png).equals(full[i] as Buffer)).toBe(true));
    expect(Buffer.from(drawn[1] as Uint8Array).equals(Buffer.from(drawn[2] as Uint8Array))).toBe(
      false,
    );
  });

  test('an SVG resvg cannot read fails with its message, and the next image still draws', async () => {
    await expect(renderPng('<svg xmlns="http://www.w3.org/2000/svg"><text>')).rejects.toThrow(
      /SVG data parsing failed/,
    );
    expect(
      Buffer.from(await renderPng(svg))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  test('an incident with untimed lines and no resolution still renders', () => {
    const events: TimelineEvent[] = [
      {
        time: '2026-01-01T10:00:00+00:00',
        endTime: null,
        timeLabel: null,
        approximate: false,
        line: 1,
        source: null,
        actor: null,
        text: 'errors',
        kind: 'impact',
      },
      {
        time: null,
        endTime: null,
        timeLabel: 'later',
        approximate: false,
        line: 2,
        source: null,
        actor: null,
        text: 'someone looked',
        kind: 'investigate',
      },
    ];
    const small = renderTimelineSvg(
      {
        ...facts,
        events,
        milestones: {},
        start: events[0]?.time ?? null,
        detected: null,
        acknowledged: null,
        identified: null,
        mitigated: null,
        resolved: null,
        durationMinutes: null,
      },
      typesetter,
    );
    expect(small).toContain('resolution not stated');
    expect(small).toContain('later');
  });
});

describe('the phase bar is the incident, not the lead-up or the review', () => {
  const text = [
    '---',
    'title: Checkout errors after a config push',
    'date: 2026-05-12',
    'timezone: UTC',
    '---',
    '## Timeline',
    '- 2026-05-03 10:00 lead-up: the config schema change was merged',
    '- 2026-05-12 09:02 checkout 5xx errors began',
    '- 2026-05-12 09:06 alert fired, paged on-call',
    '- 2026-05-12 09:30 rolled back the config, errors dropping',
    '- 2026-05-12 09:45 resolved, all checks green',
    '- 2026-05-14 16:00 postmortem review held',
  ].join('\n');
  const { facts: spread } = analyzeSource(sourceFromText(text));
  test('a line days before and a review days after leave the incident most of the bar', async () => {
    if (!spread) throw new Error('did not analyze');
    const svg = renderTimelineSvg(spread, await loadTypesetter(timelineText(spread)));
    const bar =
      /<rect x="[\d.]+" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" rx="4" fill="#e5e7eb"/.exec(
        svg,
      );
    expect(bar).not.toBeNull();
    const [, y, width] = bar ?? [];
    const phases = [
      ...svg.matchAll(
        new RegExp(`<rect x="[\\d.]+" y="${y}" width="([\\d.]+)" height="[\\d.]+" fill=`, 'g'),
      ),
    ].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(phases).toBeGreaterThan(Number(width) * 0.5);
    // The lines outside the bar are still rows of the figure.
    expect(svg).toContain('postmortem review held');
  });
});
