/**
 * The task boxes a document or chat editor prints in place of Markdown's `[x]` and `[ ]`: Google
 * Docs' ☑/☐, Teams' and Slack's ✅/⬜, ✔ and ◻. Regular-expression sources, for the readers of
 * follow-up lists (parse/human-sections.ts, write/builtin/follow-ups.ts and sentences.ts).
 */

/** A ticked box: the item is done. */
export const DONE_BOX = '[✅✔☑☒]\\uFE0F?';
/** An open box: the item is still to do, which says no more than that it is an item. */
export const OPEN_BOX = '[⬜☐◻]\\uFE0F?';
