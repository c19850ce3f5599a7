/**
 * Toggles pasted as HTML (`<details><summary>12:02 PM - site comes to a halt</summary> ...
 * </details>`), as Notion, Confluence and GitHub exports write a collapsible timeline: the
 * summary is the event's line and the paragraphs inside are its message, whatever blank lines are
 * between them. Rewritten, keeping line numbers, to one block per toggle: the summary's text, then
 * the body's paragraphs indented as the message's continuation and its list items as lines of
 * their own. Toggles one after another are one block, so a toggle without a time is kept in
 * order as an untimed line. The tags themselves are no event and no text.
 */
import type { Block, SourceLine } from './document.js';

const OPEN = /<details\b[^>]*>/gi;
const CLOSE = /<\/details\s*>/gi;
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary\s*>/i;
const LIST_ITEM = /^\s*(?:[-*+•]\s|\d{1,3}[.)]\s)/;

/** Text with HTML tags (`<strong>`, `<br>`) and entities for `&`, `<`, `>` undone, one line. */
export function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many toggles a line opens and closes, and the line without those tags. */
function toggleTags(text: string): { opens: number; closes: number; rest: string } {
  // A comment that names the tag (`<!-- toggles kept as <details> -->`) opens nothing.
  const markup = text.replace(/<!--[\s\S]*?-->/g, '');
  const opens = markup.match(OPEN)?.length ?? 0;
  const closes = markup.match(CLOSE)?.length ?? 0;
  return { opens, closes, rest: markup.replace(OPEN, '').replace(CLOSE, '') };
}

/**
 * A section's blocks with every run of HTML toggles made one block (see the module comment);
 * blocks outside toggles come back as they were. A toggle never closed runs to the section's end.
 */
export function readToggles(blocks: readonly Block[]): Block[] {
  if (!blocks.some((block) => block.lines.some((line) => /<details\b/i.test(line.text))))
    return [...blocks];
  const out: Block[] = [];
  let depth = 0;
  let toggle: SourceLine[] = [];
  for (const block of blocks) {
    let outside: SourceLine[] = [];
    for (const line of block.lines) {
      const { opens, closes, rest } = toggleTags(line.text);
      if (depth === 0 && opens > 0 && outside.length > 0) {
        out.push({ lines: outside });
        outside = [];
      }
      depth += opens;
      const summary = SUMMARY.exec(rest);
      const text = summary ? plainText(summary[1] ?? '') : rest.trim();
      if (depth > 0 && text !== '') {
        // The summary is the event; the body goes on with its message, list items stand alone.
        const body = summary || LIST_ITEM.test(rest) ? text : `    ${plainText(rest)}`;
        toggle.push({ number: line.number, text: body });
      } else if (depth === 0 && (text !== '' || (opens === 0 && closes === 0))) {
        // Text between toggles ends their run.
        if (toggle.length > 0) out.push({ lines: toggle });
        toggle = [];
        outside.push(opens > 0 || closes > 0 ? { number: line.number, text } : line);
      }
      depth = Math.max(0, depth - closes);
    }
    if (outside.length > 0) out.push({ lines: outside });
  }
  if (toggle.length > 0) out.push({ lines: toggle });
  return out;
}
