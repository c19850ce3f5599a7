/**
 * How each milestone is named and coloured wherever it is shown: the timeline figure's bar and
 * legend, the postmortem's timeline marks and inferred-figures note, and the site's narrow-screen
 * milestone chart. One table, so a renamed milestone or a new colour changes everywhere at once.
 */
import { MILESTONE_NAMES, type MilestoneName } from '../../schemas/front-matter.js';

export interface MilestoneStyle {
  /** Its name in a legend or a list, sentence case (`Cause identified`); lower-cased in prose. */
  label: string;
  /** Its mark on the figure and the site's chart: a CSS hex colour, red at impact to indigo at resolution. */
  colour: string;
}

export const MILESTONES: Record<MilestoneName, MilestoneStyle> = {
  start: { label: 'Impact starts', colour: '#dc2626' },
  detected: { label: 'Detected', colour: '#ea580c' },
  acknowledged: { label: 'Acknowledged', colour: '#ca8a04' },
  identified: { label: 'Cause identified', colour: '#059669' },
  mitigated: { label: 'Mitigated', colour: '#0891b2' },
  resolved: { label: 'Resolved', colour: '#4f46e5' },
};

const isMilestoneName = (name: string): name is MilestoneName =>
  (MILESTONE_NAMES as readonly string[]).includes(name);

/**
 * The label of `name` (`Cause identified`), or `name` itself when it is not a milestone:
 * `Facts.milestones` is keyed by string, so a name read from it is not known to be one.
 */
export function milestoneLabel(name: string): string {
  return isMilestoneName(name) ? MILESTONES[name].label : name;
}
