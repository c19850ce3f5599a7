/**
 * What the author could add to the incident file for a better postmortem. These go to `check`
 * output only, never into a published text.
 */
import type { Facts } from '../../../schemas/facts.js';
import { warning, type Diagnostic } from '../../diagnostics.js';
import { readIncident } from './read-incident.js';

export function authorHints(facts: Facts, file: string): Diagnostic[] {
  const reading = readIncident(facts);
  const hints: Diagnostic[] = [];
  const top = { line: 1 };
  if (!facts.human.rootCause && !reading.rootCause)
    hints.push(
      warning(
        'writing/no-root-cause',
        file,
        top,
        'no root cause is stated; the postmortem says it is still under investigation',
        'add a "## Root cause" section, or a sentence such as "caused by ..." in the notes, once it is known',
      ),
    );
  if (facts.usersAffected === null)
    hints.push(
      warning(
        'writing/no-users-affected',
        file,
        top,
        'the number of affected users is not stated, so it is left out of the public texts',
        'set users_affected (or customers_affected) in the front matter: a number or a phrase such as "about 30% of EU merchants"',
      ),
    );
  if (!reading.actionItems.some((item) => item.origin === 'human'))
    hints.push(
      warning(
        'writing/no-follow-ups',
        file,
        top,
        'no follow-ups are written; only items derived from the timeline are listed',
        'add a "## Action items" section with HIGH:, MEDIUM: or LOW: items, or a "Follow-ups:" paragraph',
      ),
    );
  return hints;
}
