/**
 * With no `status` in front matter, the incident's state is the furthest of Statuspage's
 * states its timeline reaches: a postmortem header must not say "investigating" about an
 * incident whose fix the timeline records.
 */
import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromText } from './helpers/source.js';

const HEAD = ['---', 'title: t', 'date: 2026-04-02', 'timezone: UTC', '---'];
const statusOf = (lines: string[], frontMatter: string[] = []) =>
  analyzeSource(
    sourceFromText(
      [...HEAD.slice(0, -1), ...frontMatter, '---', ...lines].join('\n'),
      'incidents/x.md',
    ),
  ).facts?.status;

describe("the incident's state comes from how far the timeline got", () => {
  test('a declared end: resolved', () => {
    expect(
      statusOf(['10:00 checkout 5xx alert fired', '10:20 rolled back', '10:40 incident resolved']),
    ).toBe('resolved');
  });
  test('a fix under way, impact only receding, no end: monitoring', () => {
    expect(
      statusOf([
        '10:00 checkout 5xx alert fired',
        '10:05 ana: ack',
        '10:20 rolled back, errors partially recovered',
      ]),
    ).toBe('monitoring');
  });
  test('a cause found, nothing fixed yet: identified', () => {
    expect(
      statusOf([
        '10:00 checkout 5xx alert fired',
        '10:05 ana: ack',
        '10:15 root cause: the 4.2 release drops the auth header',
      ]),
    ).toBe('identified');
  });
  test('only the alert: investigating', () => {
    expect(statusOf(['10:00 checkout 5xx alert fired', '10:05 ana: ack'])).toBe('investigating');
  });
  test('front matter wins', () => {
    expect(
      statusOf(['10:00 checkout 5xx alert fired', '10:20 errors gone'], ['status: postmortem']),
    ).toBe('postmortem');
  });
});
