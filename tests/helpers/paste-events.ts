import { expect } from 'vitest';
import { analyzeSource } from '../../src/pipeline/analyze-source.js';
import type { TimelineEvent } from '../../src/schemas/facts.js';
import { sourceFromText } from './source.js';

/**
 * The events analyze reads from a paste under the given front-matter lines, after asserting the
 * paste gives no error: what a parse test compares, each in the shape it shows.
 */
export function pasteEvents(
  frontMatter: readonly string[],
  body: readonly string[],
): TimelineEvent[] {
  const { facts, diagnostics } = analyzeSource(
    sourceFromText(['---', ...frontMatter, '---', ...body].join('\n')),
  );
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return facts?.events ?? [];
}
