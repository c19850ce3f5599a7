/**
 * Where a finding is in the text it was found in, as a compiler prints it: the scanners match on
 * the whole text and report each match at its 1-based line and column. The line starts are found
 * once per text and each offset is looked up by binary search, since a long paste has thousands
 * of lines.
 */

/** The offset at which each line of `text` starts, in order; the first is 0. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * The 1-based line and column of `offset` (a UTF-16 index into the text), given `starts` from
 * lineStarts of the same text: the last line that starts at or before it.
 */
export function position(
  starts: readonly number[],
  offset: number,
): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}
