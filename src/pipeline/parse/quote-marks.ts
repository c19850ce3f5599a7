/**
 * A comment copied from a tracker (Linear, GitHub) or a mail quotes its body line by line
 * (`  > retro notes: ...`): the marks are no part of the words, and once the lines are joined
 * into one message they would sit mid-sentence ("forgot it, > so internal data"). A `>` before
 * a figure ("> 5% of requests") means "more than" and stays.
 */
const QUOTE_MARKS = /^\s*(?:>(?!\s*\d)\s?)+/;

/** The line's text without the quote marks it opens with (see the module comment). */
export function withoutQuoteMarks(text: string): string {
  return text.replace(QUOTE_MARKS, '').trim();
}
