/**
 * How much of an incident a prompt carries. A pasted log of 16,000 lines is 1 MiB: as FACTS
 * and RAW TIMELINE it would be a prompt of about a million tokens, past every model's context
 * (the endpoint refuses it, or bills it and truncates). Past a budget the timeline is
 * summarised the way the figure summarises it: the first and last lines and every line a
 * milestone cites, each cut to a length, with a count of what was left out.
 */

/**
 * Characters of incident data in one prompt, at most: about 30,000 tokens at four characters a
 * token (OpenAI's rule of thumb), inside a 128k context with room for the reply.
 */
export const PROMPT_DATA_BUDGET = 120_000;
/** Characters of one line in a summarised prompt: a stack trace or a JSON payload is cut. */
export const PROMPT_LINE_LIMIT = 300;
/** Lines kept from each end of a summarised timeline, besides the milestones' lines. */
export const SUMMARY_END_LINES = 25;
/** Characters of each human-written note in a summarised prompt. */
export const PROMPT_NOTE_LIMIT = 16_000;

/** `text` cut to `max` characters (code points), ending in `…` when cut. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text.slice(0, max * 2));
  if (points.length <= max && text.length <= max * 2) return text;
  return `${points.slice(0, max - 1).join('')}…`;
}

/**
 * The items to keep from a long list: the first and last SUMMARY_END_LINES and every item
 * whose line is in `cited`, in their order, with a count of those left out.
 */
export function summariseByLine<T extends { line: number }>(
  items: readonly T[],
  cited: ReadonlySet<number>,
): { kept: T[]; omitted: number } {
  const kept = items.filter(
    (item, index) =>
      index < SUMMARY_END_LINES ||
      index >= items.length - SUMMARY_END_LINES ||
      cited.has(item.line),
  );
  return { kept, omitted: items.length - kept.length };
}

/**
 * The raw incident text summarised to the lines in `keep` (1-based) and the first and last
 * SUMMARY_END_LINES lines, each cut to PROMPT_LINE_LIMIT, with a marker where lines are left
 * out: `[… 15,910 lines left out …]`.
 */
export function summariseRaw(raw: string, keep: ReadonlySet<number>): string {
  const lines = raw.split('\n');
  const out: string[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    const kept =
      index < SUMMARY_END_LINES || index >= lines.length - SUMMARY_END_LINES || keep.has(index + 1);
    if (!kept) {
      skipped++;
      return;
    }
    if (skipped > 0) out.push(`[… ${skipped.toLocaleString('en-US')} lines left out …]`);
    skipped = 0;
    out.push(cutText(line, PROMPT_LINE_LIMIT));
  });
  if (skipped > 0) out.push(`[… ${skipped.toLocaleString('en-US')} lines left out …]`);
  return out.join('\n');
}
