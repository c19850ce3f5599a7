import { describe, expect, test } from 'vitest';
import { analyzeSource } from '../src/pipeline/analyze-source.js';
import { sourceFromText } from './helpers/source.js';

const evidence = (text: string) => analyzeSource(sourceFromText(text)).facts?.evidence;

/** Of the milestones it gets wrong, most must say they are unsure: "high" needs a margin. */
describe('high confidence needs strong evidence and a margin over the runner-up', () => {
  test('a mitigation read from the full recovery is at most medium', () => {
    const found = evidence(
      '---\ntimezone: UTC\n---\n## Timeline\n10:00 checkout failing for all users\n10:30 checkout fully recovered, all systems operational\n10:45 incident resolved\n',
    );
    expect(found?.mitigated).toMatchObject({ line: 6, confidence: 'medium' });
  });

  test('a start the summary states, with no timeline line at that minute, is medium', () => {
    const found = evidence(
      '---\ntimezone: UTC\n---\n## Summary\nThe outage began at 09:50 UTC.\n\n## Timeline\n10:00 checkout failing for all users\n10:45 checkout back to normal, incident resolved\n',
    );
    expect(found?.start).toMatchObject({ cue: 'stated-in-notes', confidence: 'medium' });
  });

  test('a start that a later line matches as well as it does is one level lower', () => {
    const found = evidence(
      '---\ntimezone: UTC\n---\n## Timeline\n10:00 checkout failing for all users\n10:10 checkout failing for all users in EU\n10:45 checkout back to normal, incident resolved\n',
    );
    expect(found?.start).toMatchObject({ line: 5, confidence: 'low' });
    expect(found?.start?.runnerUp?.line).toBe(6);
  });
});
