/**
 * Front matter written in the team's language (`titel:`, `tijdzone:`, `fuseau horaire:`) is read
 * as the field it names with a warning to rename it, never ignored and never fatal; a worded day
 * (`woensdag 8 april 2020`) is a date and `Europe/Amsterdam (CEST)` a zone. Fixtures:
 * tests/fixtures/cases/front-matter-keys-in-*.md.
 */
import { describe, expect, test } from 'vitest';
import { readWrittenDate } from '../src/pipeline/parse/front-matter-date.js';
import { keyInOtherLanguage } from '../src/pipeline/parse/front-matter.js';
import { parseIncident } from '../src/pipeline/parse/parse-incident.js';
import { resolveZone } from '../src/pipeline/parse/zone.js';
import { sourceFromText } from './helpers/source.js';

describe('a key in another language names its field', () => {
  test.each([
    ['titel', 'title'],
    ['Titre', 'title'],
    ['tijdzone', 'timezone'],
    ['fuseau horaire', 'timezone'],
    ['zona_horaria', 'timezone'],
    ['datum', 'date'],
  ])('%s → %s', (key, field) => {
    expect(keyInOtherLanguage(key)).toBe(field);
  });
  test.each(['team', 'owner', 'zone', 'summary'])('%s names none', (key) => {
    expect(keyInOtherLanguage(key)).toBeNull();
  });

  test('the field is read, with a warning that names it', () => {
    const { incident, diagnostics } = parseIncident(
      sourceFromText(
        '---\ntitel: Betalingen\ndatum: woensdag 8 april 2020\ntijdzone: Europe/Amsterdam (CEST)\n---\n## Timeline\n\n15.48 uur  Alert fired\n16.42 uur  Incident resolved\n',
      ),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toContain(
      'front matter field "tijdzone" read as "timezone"',
    );
    expect(incident?.title).toBe('Betalingen');
    expect(incident?.entries[0]?.time?.toUTC().toISO()).toBe('2020-04-08T13:48:00.000Z');
  });

  test('the English field wins when both are written', () => {
    const { incident } = parseIncident(
      sourceFromText('---\ntitle: English\ntitel: Nederlands\n---\n## Timeline\n\n10:00 x\n'),
    );
    expect(incident?.title).toBe('English');
  });
});

describe('worded days and glossed zones', () => {
  test.each([
    ['woensdag 8 april 2020', { year: 2020, month: 4, day: 8 }],
    ['mardi 3 mars 2026', { year: 2026, month: 3, day: 3 }],
    ['Dienstag, 10. März 2026', { year: 2026, month: 3, day: 10 }],
  ])('%s', (text, date) => {
    expect(readWrittenDate(text, 'UTC')?.date).toEqual(date);
  });
  test.each([
    ['Europe/Amsterdam (CEST)', 'Europe/Amsterdam'],
    ['America/Chicago (CST)', 'America/Chicago'],
    ['Mountain (MST)', 'America/Denver'],
  ])('%s → %s', (text, zone) => {
    expect(resolveZone(text)).toBe(zone);
  });
  test('a gloss of nothing known is no zone', () => {
    expect(resolveZone('Mars (base camp)')).toBeNull();
  });
});
