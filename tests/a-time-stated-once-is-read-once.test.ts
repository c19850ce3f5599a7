import { describe, expect, test } from 'vitest';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { sourceFromText } from './helpers/source.js';

describe('a time stated once in the prose is one stated time', () => {
  test.each([
    [
      'prose above the timeline',
      [
        'We mitigated at 13:25 by draining the pool.',
        '',
        '- 13:02 errors rise',
        '- 13:40 all clear',
      ],
    ],
    [
      'prose below the timeline',
      [
        '- 13:02 errors rise',
        '- 13:40 all clear',
        '',
        'We mitigated at 13:25 by draining the pool.',
      ],
    ],
  ])('%s', (_, body) => {
    const { incident } = parseIncident(
      sourceFromText(['---', 'date: 2026-05-12', 'timezone: UTC', '---', ...body].join('\n')),
    );
    const mitigated = incident?.stated.filter((stated) => stated.milestone === 'mitigated') ?? [];
    expect(mitigated.map((stated) => stated.time.toISO())).toEqual(['2026-05-12T13:25:00.000Z']);
  });
});
