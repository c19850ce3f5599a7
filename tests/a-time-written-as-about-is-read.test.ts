import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isStampProblem, readStamp } from '../src/pipeline/parse/time.js';

/**
 * Notes written after the fact give times as "about": `vers 01h30`, `gegen 14:05 Uhr`,
 * `ca. 14:05`. A person reads the time (and that it is approximate); a file whose only early time
 * was written so had its start moved to the first exact line, hours later.
 */
describe('a time written with a word for "about" is read, approximate', () => {
  test.each([
    ['vers 01h30 : coupure du fournisseur', 1, 30, 'coupure du fournisseur'],
    ['environ 14h05 - reprise', 14, 5, 'reprise'],
    ['gegen 14:05 Uhr: Stromausfall', 14, 5, 'Stromausfall'],
    ['ca. 14:05 Alarm im Monitoring', 14, 5, 'Alarm im Monitoring'],
    ['hacia las 14:05 caída del servicio', 14, 5, 'caída del servicio'],
    ['por volta das 14h05 - queda do serviço', 14, 5, 'queda do serviço'],
    ['omstreeks 14.05 uur storing', 14, 5, 'storing'],
    ['around 2:05 PM pager fired', 14, 5, 'pager fired'],
    ['~14:05 first errors', 14, 5, 'first errors'],
  ])('%s', (line, hour, minute, rest) => {
    const stamp = readStamp(line);
    if (!stamp || isStampProblem(stamp)) throw new Error(`no stamp in ${line}`);
    expect(stamp.time).toMatchObject({ hour, minute });
    expect(stamp.approximate).toBe(true);
    expect(stamp.rest.replace(/^[\s:–—-]+/, '')).toBe(rest);
  });

  test('a word that is not "about" before a clock leaves the line unread as a stamp', () => {
    for (const line of ['version 14:05 shipped', 'caveat 14:05', 'verso.'])
      expect(readStamp(line)).toBeNull();
  });

  test('any time in any of the words reads back as that time', () => {
    const words = ['vers', 'environ', 'gegen', 'ca.', 'circa', 'around', 'about', 'omstreeks'];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (word, hour, minute) => {
          const clock = `${hour}:${String(minute).padStart(2, '0')}`;
          const stamp = readStamp(`${word} ${clock} event`);
          expect(stamp && !isStampProblem(stamp) ? stamp.time : null).toMatchObject({
            hour,
            minute,
          });
        },
      ),
    );
  });
});

/**
 * An hour with its meridiem takes the same "about" words: "around 3pm" and "ca. 3.15pm" were
 * left unread as stamps, so a write-up's hedged first line lost its time.
 */
describe('a twelve-hour time written with a word for "about" is read, approximate', () => {
  test.each([
    ['around 3pm checkout errors begin', 15, 0, 'checkout errors begin'],
    ['ca. 3.15pm: pager fired', 15, 15, 'pager fired'],
    ['gegen 3 pm Shop zeigt Fehler', 15, 0, 'Shop zeigt Fehler'],
    ['about 9.05 a.m. - first reports', 9, 5, 'first reports'],
    ['~ 11pm deploy went out', 23, 0, 'deploy went out'],
  ])('%s', (line, hour, minute, rest) => {
    const stamp = readStamp(line);
    if (!stamp || isStampProblem(stamp)) throw new Error(`no stamp in ${line}`);
    expect(stamp.time).toMatchObject({ hour, minute });
    expect(stamp.approximate).toBe(true);
    expect(stamp.rest.replace(/^[\s:–—-]+/, '')).toBe(rest);
  });

  test('an exact twelve-hour time stays exact', () => {
    for (const line of ['3pm checkout errors begin', '3.15pm pager fired']) {
      const stamp = readStamp(line);
      expect(stamp && !isStampProblem(stamp) ? stamp.approximate : null).toBe(false);
    }
  });

  test('any hour in any of the words reads back as that hour', () => {
    const words = ['around', 'about', 'ca.', 'circa', 'gegen', 'environ', '~'];
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('am', 'pm', 'a.m.', 'p.m.'),
        (word, hour, meridiem) => {
          const stamp = readStamp(`${word} ${hour}${meridiem} event`);
          const want = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
          expect(stamp && !isStampProblem(stamp) ? stamp.time : null).toMatchObject({
            hour: want,
            minute: 0,
          });
        },
      ),
    );
  });
});
