/**
 * A header that names the clock by its place (`heures de Paris`, `Chicago time`, `Nederlandse
 * zomertijd`) sets the timeline's zone as an abbreviation would; a phrase that only looks like
 * one (`Response time`, `heure de pointe`, `wake time`) names none. A slash date before a 12-hour
 * clock is read month first unless a day-first region's zone is named. Fixtures of the kinds:
 * tests/fixtures/cases/zone-named-as-a-city-*.md and us-slash-dates-*.md.
 */
import { describe, expect, test } from 'vitest';
import { numericDateOrder } from '../src/pipeline/parse/paste-shapes.js';
import { findPlaceZone, findStatedZone } from '../src/pipeline/parse/zone.js';

describe('a clock named by its place', () => {
  test.each([
    ['Incident paiement du mardi 3 mars 2026 (heures de Paris)', 'Europe/Paris'],
    ['Notas de guardia, hora de Lisboa', 'Europe/Lisbon'],
    ['Tijden in Nederlandse zomertijd, zoals we ze schrijven', 'Europe/Amsterdam'],
    ['everything below is Chicago time', 'America/Chicago'],
    ['All entries in New York time unless marked', 'America/New_York'],
    ['Uhrzeit in Wien, Einträge der Rufbereitschaft', 'Europe/Vienna'],
    ['orari in ora di Roma', 'Europe/Rome'],
  ])('%s → %s', (text, zone) => {
    expect(findStatedZone(text)?.zone).toBe(zone);
  });

  test.each([
    'Response time went up to 4 s',
    'wake time for the batch job',
    "à l'heure de pointe, le panier échoue",
    'Lead time for the fix was two days',
    'the time Production was down',
  ])('%s names no place', (text) => {
    expect(findPlaceZone(text)).toBeNull();
  });
});

describe('a slash date before a 12-hour clock', () => {
  const lines = ['03/04/2026 08:10 AM opened', '03/04/2026 04:30 PM closed'];
  test('is month first under UTC, which is no region', () => {
    expect(numericDateOrder(lines, { zone: 'times in UTC' })).toBe('month-first');
    expect(numericDateOrder(['1/6/2026, 9:02 AM a'], { zone: 'GMT' })).toBe('month-first');
  });
  test('is day first where the zone is a day-first region', () => {
    expect(numericDateOrder(lines, { zone: 'Australia/Sydney' })).toBe('day-first');
    expect(numericDateOrder(lines, { zone: 'IST' })).toBe('day-first');
  });
  test('a 24-hour clock under UTC stays day first', () => {
    expect(numericDateOrder(['03/04/2026 08:10 opened'], { zone: 'UTC' })).toBe('day-first');
  });
});
