import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FONT_FACES } from '../src/pipeline/render/font-faces.js';
import { rasterizeOnWorker } from '../src/pipeline/render/raster-workers.js';
import { withSubsetFonts } from '../src/pipeline/render/subset-fonts.js';
import { FONT_FILES, renderPng, resvgOptions } from '../src/pipeline/render/timeline-png.js';

/**
 * The signs people type into timelines (arrows, curly quotes, dashes, ≥, °, accented names) are
 * in the font subset kept between processes, so a one-pack generate whose timeline has them does
 * not load the subsetter (a quarter of a second of a cold run), and draws the same pixels.
 */
const keptFolder = join(tmpdir(), 'incidentpost-font-subsets-');

const filesFor = (text: string) =>
  withSubsetFonts(text, FONT_FACES.latin, (files) => Promise.resolve(files));

describe('common signs in image text', () => {
  test.each([
    ['an arrow between figures', '14:42 UTC [Datadog] Connection pool dropping: 78% → 45%'],
    ['curly quotes and an en dash', '“Rollback” of José’s change – p99 ≤ 300 ms, disk at 85 °C'],
    ['a bullet, a check mark and a minus sign', '• canary ✓ healthy, error budget −3 % × 2'],
  ])('%s: drawn with the kept subset', async (_, text) => {
    const files = await filesFor(text);
    expect(files).toHaveLength(2);
    for (const file of files) expect(file.startsWith(keptFolder)).toBe(true);
  });

  test('a character outside the shared set still gets a subset of its own', async () => {
    const files = await filesFor('Ω snowman ☃ on the status page');
    for (const file of files) expect(file.startsWith(keptFolder)).toBe(false);
  });

  test('the kept subset draws what the full fonts draw', async () => {
    const svg = [
      '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="90" viewBox="0 0 480 90">',
      '<rect width="480" height="90" fill="#fff"/>',
      '<text x="10" y="35" font-family="DejaVu Sans" font-size="18">pool 78% → 45% “ok” – ≥ 2 s</text>',
      '<text x="10" y="70" font-family="DejaVu Sans" font-weight="bold" font-size="18">Zoë’s fix ✓ −3 °C</text>',
      '</svg>',
    ].join('');
    const subset = await renderPng(svg, 480, FONT_FACES.latin);
    const full = await rasterizeOnWorker(svg, resvgOptions(FONT_FILES, 480));
    expect(Buffer.from(subset).equals(Buffer.from(full))).toBe(true);
  });
});
