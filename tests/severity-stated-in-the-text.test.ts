/**
 * A team that writes the severity in its notes or timeline ("Severity: SEV2", "P1 declared")
 * rather than in front matter still sees it in the postmortem's header and in the facts the
 * site shows; a monitor's "CRITICAL:" line is not the incident's severity.
 */
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { writeBuiltin } from '../src/pipeline/write/builtin/builtin-writer.js';
import { postmortemTree } from '../src/pipeline/render/postmortem-tree.js';
import { toMarkdownText } from '../src/pipeline/render/markdown.js';
import { sourceFromText } from './helpers/source.js';

const incident = (notes: string, lines: string[], frontMatter = '') =>
  [
    '---',
    'title: Checkout errors',
    'date: 2026-03-04',
    'timezone: UTC',
    frontMatter,
    '---',
    '',
    '## Timeline',
    ...lines,
    '',
    '## Notes',
    notes,
    '',
  ].join('\n');

const LINES = [
  '- 10:02 CRITICAL: checkout 5xx rate 14%',
  '- 10:05 paged on-call, acknowledged',
  '- 10:20 rolled back the release, errors back to normal',
  '- 10:40 resolved',
];

const headerOf = (text: string) => {
  const { facts } = analyzeSource(sourceFromText(text));
  if (!facts) throw new Error('did not analyze');
  const markdown = toMarkdownText(postmortemTree(facts, writeBuiltin(facts)));
  return { facts, header: markdown.split('\n').find((line) => line.includes('**Date:**')) ?? '' };
};

describe('a severity written in the text', () => {
  test('a note\'s "Severity: SEV2" is the header\'s severity', () => {
    const { facts, header } = headerOf(incident('Severity: sev2. Caused by a bad release.', LINES));
    expect(facts.severity).toBe('SEV2');
    expect(header).toContain('**Severity:** SEV2');
  });
  test('a note that opens with the label ("P1 - checkout down") is read too', () => {
    expect(headerOf(incident('P1 - checkout down for card payments.', LINES)).facts.severity).toBe(
      'P1',
    );
  });
  test('a tracker\'s "Priority: P1" field is the severity', () => {
    const lines = ['- 10:00 Status: Open   Priority: P1', ...LINES];
    expect(headerOf(incident('Caused by a bad release.', lines)).facts.severity).toBe('P1');
  });
  test('front matter wins over the text', () => {
    const { header } = headerOf(incident('Severity: SEV2.', LINES, 'severity: SEV1'));
    expect(header).toContain('**Severity:** SEV1');
    expect(header).not.toContain('SEV2');
  });
  test('a monitor line opening with "CRITICAL:" is no severity', () => {
    const { facts, header } = headerOf(incident('Caused by a bad release.', LINES));
    expect(facts.severity).toBeNull();
    expect(header).not.toContain('Severity');
  });
});
