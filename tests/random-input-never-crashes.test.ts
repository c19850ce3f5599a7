import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import type { Diagnostic } from '../src/pipeline/diagnostics.js';
import { decodeSourceFile } from '../src/pipeline/load/source-file.js';
import { nodeFontSource } from '../src/pipeline/render/fonts.js';
import { renderPack } from '../src/pipeline/render/render-pack.js';
import { builtinWriter } from '../src/pipeline/write/builtin/builtin-writer.js';
import { FactsSchema } from '../src/schemas/facts.js';

/** Everything a user can put in a file ends in facts or diagnostics: never a thrown error. */
function check(bytes: Uint8Array): Diagnostic[] {
  const decoded = decodeSourceFile('incidents/2026-01-10-random.md', bytes);
  if (!decoded.file) return decoded.diagnostics;
  const analyzed = analyzeSource(decoded.file);
  if (!analyzed.facts) expect(analyzed.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return [...decoded.diagnostics, ...analyzed.diagnostics];
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Characters XML 1.0 forbids: an SVG holding one does not parse (resvg, browsers). */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Whatever analysis accepts, `generate` writes: the writer and every pack file but the PNG
 * (resolves without throwing), each text file valid UTF-16 text, the SVG free of characters
 * XML forbids, facts.json read back as the same facts.
 */
async function generateText(bytes: Uint8Array): Promise<Diagnostic[]> {
  const diagnostics = check(bytes);
  const decoded = decodeSourceFile('incidents/2026-01-10-random.md', bytes);
  const facts = decoded.file ? analyzeSource(decoded.file).facts : null;
  if (!decoded.file || !facts) return diagnostics;
  const { document } = await builtinWriter.write(facts, decoded.file);
  const pack = await renderPack(facts, document, {
    fonts: nodeFontSource,
    rasterize: () => Promise.resolve(new Uint8Array()),
  });
  for (const name of ['postmortem.md', 'postmortem.mdx', 'hn-post.txt', 'twitter-thread.txt']) {
    expect(typeof pack[name], name).toBe('string');
    // No lone surrogate: the text encodes to UTF-8 as it is.
    expect(String(pack[name]), name).not.toMatch(/\p{Cs}/u);
  }
  expect(String(pack['timeline.svg'])).not.toMatch(NOT_XML);
  expect(String(pack['timeline.svg'])).toMatch(/^<svg [^]*<\/svg>\n$/);
  expect(FactsSchema.parse(JSON.parse(String(pack['facts.json'])))).toEqual(facts);
  return diagnostics;
}

function expectDiagnosticsWellFormed(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message).not.toBe('');
    expect(d.hint).not.toBe('');
  }
}

const line = fc.oneof(
  fc.constantFrom(
    '14:00 UTC [PagerDuty] alert fired',
    '01:30 resolved',
    '2026-02-30T10:00Z outage',
    '2026-11-01 01:30 mitigated',
    '10000-01-01 00:00 resolved',
    '25:61 broken',
    '14:00 XYZT alert',
    '## Root cause',
    '## Action items',
    '- HIGH: fix it',
    '| Time | Event |',
    '|---|---|',
    '| 14:00 | down |',
    '```',
    '---',
    'Day changed to Feb 29',
    '\u001b[31m14:05\u001b[0m red',
  ),
  fc.string({ maxLength: 60 }),
);

const yamlValue = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.constantFrom(
    '&a [1, 2]',
    '*a',
    '[*a, *a, *a]',
    '{a: 1}',
    '2026-02-30',
    'null',
    '"14:00"',
    '|',
  ),
);
const yamlKey = fc.constantFrom(
  'title',
  'date',
  'timezone',
  'severity',
  'services',
  'users_affected',
  'status',
  'start',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
  'other',
);

describe('random input never produces an internal error', () => {
  test('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expectDiagnosticsWellFormed(check(bytes));
      }),
      { numRuns: 300 },
    );
  });

  test('random YAML front matter over a good timeline', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 8 }), (fields) => {
        const yaml = fields.map(([key, value]) => `${key}: ${String(value)}`).join('\n');
        const text = `---\n${yaml}\n---\n14:00 UTC alert fired\n14:30 UTC resolved\n`;
        expectDiagnosticsWellFormed(check(encode(text)));
      }),
      { numRuns: 300 },
    );
  });

  test('random Markdown and timeline lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        expectDiagnosticsWellFormed(
          check(encode(`---\ndate: 2026-01-10\n---\n${lines.join('\n')}\n`)),
        );
      }),
      { numRuns: 300 },
    );
  });

  test('random bytes through generate: write and render', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        expectDiagnosticsWellFormed(await generateText(bytes));
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  test('random YAML front matter through generate: write and render', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(yamlKey, yamlValue), { maxLength: 8 }), async (fields) => {
        const yaml = fields.map(([key, value]) => `${key}: ${String(value)}`).join('\n');
        const text = `---\n${yaml}\n---\n14:00 UTC alert fired\n14:30 UTC resolved\n`;
        expectDiagnosticsWellFormed(await generateText(encode(text)));
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test('random Markdown and timeline lines through generate: write and render', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), async (lines) => {
        expectDiagnosticsWellFormed(
          await generateText(encode(`---\ndate: 2026-01-10\n---\n${lines.join('\n')}\n`)),
        );
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  test('deeply nested Markdown in a human section', () => {
    const deep = `14:00 UTC alert\n14:30 UTC resolved\n\n## Root cause\n\n${'> '.repeat(5000)}deep\n\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`;
    expectDiagnosticsWellFormed(check(encode(`---\ndate: 2026-01-10\n---\n${deep}`)));
  });
});
