import { describe, expect, test } from 'vitest';
import { CUES, MODIFIERS } from '../src/pipeline/analyze/cues.js';
import { readLine, splitClauses } from '../src/pipeline/analyze/read-line.js';

describe('every cue matches its examples and only them', () => {
  const rows = CUES.flatMap((cue) => [
    ...cue.examples.match.map((text) => ({ id: cue.id, text, want: true })),
    ...cue.examples.noMatch.map((text) => ({ id: cue.id, text, want: false })),
  ]);
  test.each(rows)('$id on "$text" → $want', ({ id, text, want }) => {
    const cue = CUES.find((c) => c.id === id);
    const reading = cue?.on === 'state' ? readLine('', text) : readLine(text);
    const fired = Object.values(reading.best).some((hit) => hit.cue === id);
    const anyClause =
      cue?.on === 'state' ? fired : splitClauses(text).some((c) => cue?.pattern.test(c.text));
    expect(want ? fired || anyClause : anyClause && fired).toBe(want);
  });

  test('every cue has at least one must-match and one must-not-match example', () => {
    for (const cue of CUES) {
      expect(cue.examples.match.length, cue.id).toBeGreaterThan(0);
      expect(cue.examples.noMatch.length, cue.id).toBeGreaterThan(0);
    }
  });

  test('cue ids are unique', () => {
    expect(new Set(CUES.map((c) => c.id)).size).toBe(CUES.length);
  });
});

describe('every modifier matches its examples and only them', () => {
  const rows = MODIFIERS.flatMap((m) => [
    ...m.examples.match.map((text) => ({ id: m.id, text, want: true })),
    ...m.examples.noMatch.map((text) => ({ id: m.id, text, want: false })),
  ]);
  test.each(rows)('$id on "$text" → $want', ({ id, text, want }) => {
    expect(MODIFIERS.find((m) => m.id === id)?.pattern.test(text)).toBe(want);
  });
});

describe('the status words of five languages', () => {
  const cases: [string, string][] = [
    ['We are investigating elevated API errors', 'detect'],
    ['現在調査中です', 'detect'],
    ['Wir untersuchen derzeit erhöhte Fehlerraten', 'detect'],
    ['Nous enquêtons sur des erreurs de paiement', 'detect'],
    ['Estamos investigando errores en la API', 'detect'],
    ['The issue has been identified', 'identify'],
    ['原因を特定しました', 'identify'],
    ['Die Ursache wurde identifiziert', 'identify'],
    ['Le problème a été identifié', 'identify'],
    ['Hemos identificado el problema', 'identify'],
    ['We are monitoring the results', 'recovery-partial'],
    ['引き続き監視しています', 'recovery-partial'],
    ['Wir beobachten die Lage', 'recovery-partial'],
    ['Nous surveillons la situation', 'recovery-partial'],
    ['Estamos monitoreando los resultados', 'recovery-partial'],
    ['This incident has been resolved', 'resolved-declared'],
    ['障害は解消されました', 'resolved-declared'],
    ['Die Störung ist behoben', 'resolved-declared'],
    ["L'incident est résolu", 'resolved-declared'],
    ['El incidente ha sido resuelto', 'resolved-declared'],
  ];
  test.each(cases)('"%s" reads as %s', (text, phase) => {
    expect(readLine(text).best[phase as keyof ReturnType<typeof readLine>['best']]).toBeDefined();
  });
});

describe('a caveat or negation applies to its own clause', () => {
  test('a "while" inside a parenthetical explanation leaves the recovery full', () => {
    const reading = readLine(
      'checkout back to normal (errors came from client retries while the pool refilled)',
    );
    expect(reading.scores['recovery-full']).toBe(2);
    expect(reading.scores['recovery-partial']).toBe(0);
  });

  test('a region still failing in another clause makes the recovery partial', () => {
    const reading = readLine('consumers back in US, EU still failing');
    expect(reading.scores['recovery-full']).toBe(0);
    expect(reading.scores['recovery-partial']).toBeGreaterThan(0);
  });

  test('"not resolved" is no resolution', () => {
    expect(readLine('the incident is not resolved yet').scores['resolved-declared']).toBe(0);
  });

  test('a failed rollback is not a mitigating action', () => {
    expect(
      readLine('tried rolling back auth v12, rollback job failed on permissions').scores[
        'mitigate-action'
      ],
    ).toBe(0);
  });

  test('an unrelated revert signals nothing', () => {
    expect(readLine('unrelated: reverted a typo fix on the docs site').kind).toBe('note');
  });

  test('a line tagged "(unrelated)" signals nothing, even with a cleared state', () => {
    const reading = readLine('Disk usage > 85% on runner-cache-07 (unrelated)', 'Recovered');
    expect(reading.kind).toBe('note');
    expect(Object.values(reading.scores).every((score) => score === 0)).toBe(true);
  });

  test('an aside about something else does not make the line unrelated', () => {
    expect(
      readLine('rolled back the deploy (the unrelated cron alert is still firing)').best[
        'mitigate-action'
      ],
    ).toBeDefined();
  });

  test('a structured state is strong evidence on its own', () => {
    expect(readLine('CheckoutErrorRate checkout-api', 'RESOLVED').scores['resolved-declared']).toBe(
      3,
    );
    expect(readLine('CheckoutErrorRate checkout-api', 'FIRING').scores.detect).toBe(3);
  });
});
