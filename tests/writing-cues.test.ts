import { describe, expect, test } from 'vitest';
import { ACTION_CUES } from '../src/pipeline/write/cues/action-cues.js';
import { CAUSE_CUES } from '../src/pipeline/write/cues/cause-cues.js';
import type { Cue } from '../src/pipeline/write/cues/cue.js';
import {
  ACTION_TYPE_CUES,
  DONE_CUES,
  FOLLOW_UP_CUES,
  NOT_AN_ACTION_CUES,
  PRIORITY_CUES,
} from '../src/pipeline/write/cues/follow-up-cues.js';
import {
  FIGURE_CUES,
  LESSON_CUES,
  USER_IMPACT_CUES,
  USER_NOTICE_CUES,
  USER_SYMPTOM_CUES,
} from '../src/pipeline/write/cues/impact-cues.js';
import { TEAM_REMARK_CUES } from '../src/pipeline/write/cues/team-remark-cues.js';

const TABLES: Record<string, readonly Cue[]> = {
  cause: CAUSE_CUES,
  action: ACTION_CUES,
  'follow-up': FOLLOW_UP_CUES,
  'action type': ACTION_TYPE_CUES,
  priority: PRIORITY_CUES,
  done: DONE_CUES,
  'not an action': NOT_AN_ACTION_CUES,
  figure: FIGURE_CUES,
  'user notice': USER_NOTICE_CUES,
  'user symptom': USER_SYMPTOM_CUES,
  'user impact': USER_IMPACT_CUES,
  lesson: LESSON_CUES,
  'team remark': TEAM_REMARK_CUES,
};

// One test per example of every cue: a change to one cue shows exactly which case moved.
for (const [name, table] of Object.entries(TABLES)) {
  describe(`the ${name} cues`, () => {
    test('have unique ids, a reason, examples both ways, and stateless patterns', () => {
      expect(new Set(table.map((cue) => cue.id)).size).toBe(table.length);
      for (const cue of table) {
        expect(cue.reason.length, cue.id).toBeGreaterThan(10);
        expect(cue.examples.match.length, cue.id).toBeGreaterThan(0);
        expect(cue.examples.noMatch.length, cue.id).toBeGreaterThan(0);
        // A global regex keeps lastIndex between calls and would skip matches.
        expect(cue.pattern.global, cue.id).toBe(false);
      }
    });
    const cases = table.flatMap((cue) => [
      ...cue.examples.match.map((text) => [cue.id, 'matches', text, true] as const),
      ...cue.examples.noMatch.map((text) => [cue.id, 'misses', text, false] as const),
    ]);
    test.each(cases)('%s %s "%s"', (id, _how, text, expected) => {
      const cue = table.find((c) => c.id === id);
      expect(cue?.pattern.test(text)).toBe(expected);
    });
  });
}
