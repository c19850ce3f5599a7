import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { writtenAfterwards } from '../src/pipeline/parse/stated-times.js';
import { sourceFromText } from './helpers/source.js';

const facts = (body: string[]) =>
  analyzeSource(
    sourceFromText(['---', 'date: 2026-08-19', 'timezone: UTC', '---', '', ...body].join('\n')),
  ).facts;
const hhmm = (iso: string | null | undefined): string | null =>
  iso ? new Date(iso).toISOString().slice(0, 16) : null;

describe('a note written after the incident is dated by what it says, not by its stamp', () => {
  test.each([
    'Retro notes: the outage ran from 09:10 until 09:40',
    'lee: Post-incident review - incident resolved',
    'PIR (draft): root cause was the migration lock',
    'Postmortem notes - the outage ran from 09:10 until 09:40',
    'Added after review: the outage began at 07:55',
    'Rétrospective : le service est rétabli',
  ])('"%s" labels itself as written afterwards', (text) => {
    expect(writtenAfterwards(text)).toBe(true);
  });

  test.each([
    'reviewing the logs now',
    'Postmortem scheduled, incident ticket resolved',
    'reverted the retro-fit config, errors back to normal',
    'Postmortem: scheduled for Thursday, incident resolved',
    'Review: PR 4411 approved',
  ])('"%s" is an event of the incident', (text) => {
    expect(writtenAfterwards(text)).toBe(false);
  });

  test('the times a next-day review states are the milestones, on the incident day', () => {
    const read = facts([
      '2026-08-19 09:20 alert fired: api 5xx 12%',
      '2026-08-19 09:26 lee: rolled back migration 0412',
      '2026-08-20 10:00 Retro notes: impact began at 09:12 and the incident was resolved at 09:41; at 09:18 we identified the migration lock as the cause',
    ]);
    expect(hhmm(read?.start)).toBe('2026-08-19T09:12');
    expect(hhmm(read?.identified)).toBe('2026-08-19T09:18');
    expect(hhmm(read?.resolved)).toBe('2026-08-19T09:41');
  });

  test('a review that states no time never becomes the end', () => {
    const read = facts([
      '2026-08-19 09:20 alert fired: api 5xx 12%',
      '2026-08-19 09:26 lee: rolled back migration 0412, errors dropping',
      '2026-08-20 10:00 Post-incident review: incident fully resolved',
    ]);
    expect(hhmm(read?.resolved)).not.toBe('2026-08-20T10:00');
  });
});
