/**
 * The images draw Japanese in Japanese letterforms and emoji in colour: a Japanese incident's
 * Han is not drawn in Simplified Chinese shapes, and an emoji is Twemoji's picture, the right
 * one for a ZWJ sequence, a flag or a skin tone, with Noto Emoji where Twemoji has none.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FONT_FACES } from '../src/pipeline/render/font-faces.js';
import { loadTypesetter } from '../src/pipeline/render/fonts.js';
import { renderOgSvg } from '../src/pipeline/render/og-image.js';
import { renderPng } from '../src/pipeline/render/timeline-png.js';
import type { Facts } from '../src/schemas/facts.js';
import { differingPixels, pixels } from './helpers/png-pixels.js';

/** A link preview's facts: only the title and language matter here. */
const card = (title: string, language: string | null): Facts =>
  ({
    title,
    language,
    date: '2026-04-01',
    durationMinutes: 45,
    usersAffected: null,
    severity: 'P2',
  }) as unknown as Facts;

async function ogPng(title: string, language: string | null, extraFaces = false) {
  const typesetter = await loadTypesetter(`${title}…`, language);
  const svg = renderOgSvg(card(title, language), typesetter);
  // With extraFaces, the Chinese faces are loaded too, ahead of the others: the SVG's
  // font-family alone then decides which one draws.
  const faces = extraFaces ? [...FONT_FACES.han, ...typesetter.faces()] : typesetter.faces();
  return { svg, png: await renderPng(svg, 1200, faces), faces: typesetter.faces() };
}

/** Pixels in rows [top, bottom) whose colour is saturated: max - min channel above 80. */
async function colourful(png: Uint8Array, top: number, bottom: number) {
  const { data, width } = await pixels(png);
  let count = 0;
  for (let i = top * width * 4; i < Math.min(bottom * width * 4, data.length); i += 4) {
    const rgb = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (Math.max(...rgb) - Math.min(...rgb) > 80) count++;
  }
  return count;
}

/** The title band of the card: up to three 60 px lines from y = 160. */
const TITLE_TOP = 150;
const TITLE_BOTTOM = 400;

const families = (faces: { family: string }[]) => [...new Set(faces.map((face) => face.family))];

describe('Japanese is drawn in Japanese letterforms', () => {
  // Han whose Japanese and Simplified Chinese shapes differ (Unicode's Han unification).
  const HAN = '直骨写';

  test('a ja incident, or kana without a language, uses Noto Sans JP; zh and ko their own', async () => {
    const familiesFor = async (text: string, language: string | null) =>
      families((await loadTypesetter(text, language)).faces()).filter((f) => f !== 'DejaVu Sans');
    expect(await familiesFor(HAN, 'ja')).toEqual(['Noto Sans Japanese']);
    expect(await familiesFor(HAN, 'ja-JP')).toEqual(['Noto Sans Japanese']);
    expect(await familiesFor(`${HAN}の障害`, null)).toEqual(['Noto Sans Japanese']);
    expect(await familiesFor(HAN, null)).toEqual(['Noto Sans S Chinese']);
    expect(await familiesFor(HAN, 'zh-Hans')).toEqual(['Noto Sans S Chinese']);
    expect(await familiesFor(`${HAN} 로그인`, 'ko')).toEqual(['Noto Sans Korean']);
  });

  test("a ja title's Han is drawn in other shapes than a zh title's, in bold as in the SVG", async () => {
    const ja = await ogPng(HAN, 'ja');
    const zh = await ogPng(HAN, 'zh-Hans');
    expect(ja.svg).toContain('font-family="Noto Sans Japanese"');
    expect(zh.svg).toContain('font-family="Noto Sans S Chinese"');
    // Drawn with the SC font, both would be the same picture.
    expect(await differingPixels(ja.png, zh.png, TITLE_TOP, TITLE_BOTTOM)).toBeGreaterThan(150);
    // Loading the Chinese faces too (first) changes nothing: the family name picks the
    // Japanese bold face in the font subsets, not whichever font comes first.
    const withChinese = await ogPng(HAN, 'ja', true);
    expect(await differingPixels(ja.png, withChinese.png, TITLE_TOP, TITLE_BOTTOM)).toBe(0);
    // And the title is bold: the regular face draws thinner strokes.
    const regular = await renderPng(
      ja.svg.replace(/font-weight="bold" (font-family="Noto Sans Japanese")/g, '$1'),
      1200,
      ja.faces,
    );
    expect(await differingPixels(ja.png, regular, TITLE_TOP, TITLE_BOTTOM)).toBeGreaterThan(150);
  });
});

const twemojiDir = join(
  dirname(createRequire(import.meta.url).resolve('@discordapp/twemoji/package.json')),
  'dist/svg',
);

/** The pictures an SVG inlines, decoded, in order. */
const pictures = (svg: string): string[] =>
  [...svg.matchAll(/<image [^>]*href="data:image\/svg\+xml,([^"]+)"/g)].map((m) =>
    decodeURIComponent(m[1] ?? ''),
  );

describe('emoji are drawn in colour', () => {
  test('an emoji title has coloured pixels where a monochrome one had none', async () => {
    const emoji = await ogPng('🔥🚨 Uploads down', null);
    expect(await colourful(emoji.png, TITLE_TOP, TITLE_BOTTOM)).toBeGreaterThan(1500);
    // Without the pictures, Noto Emoji's outlines are drawn in the title's grey-black.
    const outlines = await renderPng(
      emoji.svg.replace(
        /<image [^>]*><title>([^<]*)<\/title><\/image>/g,
        '<text x="72" y="220" font-size="60" font-family="Noto Emoji">$1</text>',
      ),
      1200,
      [...emoji.faces, ...FONT_FACES.emoji],
    );
    expect(await colourful(outlines, TITLE_TOP, TITLE_BOTTOM)).toBe(0);
    // Nor does the loaded Noto Emoji font: every emoji here has a picture.
    expect(families(emoji.faces)).toEqual(['DejaVu Sans']);
  });

  test('ZWJ sequences, flags, skin tones, keycaps and tag flags pick their own picture', async () => {
    const cases: [string, string][] = [
      ['👩‍💻', '1f469-200d-1f4bb'],
      ['👨‍👩‍👧‍👦', '1f468-200d-1f469-200d-1f467-200d-1f466'],
      ['🕵️‍♀️', '1f575-fe0f-200d-2640-fe0f'],
      ['🇯🇵', '1f1ef-1f1f5'],
      ['👍🏽', '1f44d-1f3fd'],
      ['1️⃣', '31-20e3'],
      ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', '1f3f4-e0067-e0062-e0073-e0063-e0074-e007f'],
      ['✅', '2705'],
    ];
    for (const [emoji, file] of cases) {
      const { svg } = await ogPng(`Deploy ${emoji}`, null);
      const expected = readFileSync(join(twemojiDir, `${file}.svg`), 'utf8');
      expect({ emoji, pictures: pictures(svg) }).toEqual({ emoji, pictures: [expected] });
    }
  });

  test('a sequence Twemoji has no picture for is drawn in Noto Emoji', async () => {
    // 🔥 ZWJ 🚨 is one grapheme cluster (UAX #29 rule GB11) but no emoji Twemoji draws.
    const { svg, png, faces } = await ogPng('Uploads 🔥\u200d🚨 down 🚨', null);
    expect(pictures(svg)).toHaveLength(1);
    expect(svg).toMatch(/font-family="Noto Emoji"[^>]*>🔥\u200d🚨<\/text>/u);
    expect(families(faces)).toContain('Noto Emoji');
    const blank = (await ogPng('Uploads down 🚨', null)).png;
    expect(await differingPixels(png, blank, TITLE_TOP, TITLE_BOTTOM)).toBeGreaterThan(300);
  });

  test('a right-to-left title keeps its emoji between the words it was written between', async () => {
    // Read from the right: the first word, 🔥, ✅, 🚨, the last word (UAX #9: the emoji are
    // neutrals between right-to-left letters, so they run right to left too).
    const { svg } = await ogPng('שגיאות 🔥✅🚨 תשלומים', 'he');
    const xs = [...svg.matchAll(/<(text|image) x="([\d.]+)" y="[\d.]+"[^>]*>(?:<title>)?([^<]*)/g)]
      .filter((m) => (m[3] ?? '').trim())
      .map((m) => ({ x: Number(m[2]), text: (m[3] ?? '').replace(/\u200f/g, '').trim() }));
    const at = (text: string) => xs.find((item) => item.text === text)?.x ?? NaN;
    expect(at('שגיאות')).toBeGreaterThan(at('🔥'));
    expect(at('🔥')).toBeGreaterThan(at('✅'));
    expect(at('✅')).toBeGreaterThan(at('🚨'));
    expect(at('🚨')).toBeGreaterThan(at('תשלומים'));
  });
});
