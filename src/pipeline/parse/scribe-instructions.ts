/**
 * A running-notes page often opens with how to write it ("Put your initials on every entry",
 * "Reminder from the scribe: please add times in UTC"). That is an instruction to the people
 * taking notes, not something that happened or a follow-up: blind judges found it listed as an
 * action item and published under "What we are changing".
 */

/** What the instruction is about: the notes' own form (initials, names, times, each entry). */
const ABOUT_THE_NOTES =
  /\b(?:initials|your (?:name|handle)|(?:times?|timestamps?) in (?:UTC|GMT|local time|\p{Lu}\p{L}+ time)|use (?:UTC|GMT|\p{Lu}\p{L}+ time)|(?:every|each) (?:entry|line|update|note|message))\b/iu;
/** Said as an instruction: an imperative, a please, or the scribe's own label. */
const INSTRUCTION =
  /\b(?:please|put|add|write|use|include|keep|sign|prefix|start)\b|\bscribe\b|\breminder\b|^\s*(?:each|every) (?:entry|line)\s*:/i;

/**
 * True when `text` (an untimed paragraph above or beside the timeline) is an instruction on how
 * to keep the notes: about initials, names, the time zone or each entry, said as an instruction,
 * and short (under 240 characters) so a paragraph of facts that mentions "each line" stays.
 */
export function isScribeInstruction(text: string): boolean {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length < 240 && ABOUT_THE_NOTES.test(flat) && INSTRUCTION.test(flat);
}
