/** og.png's SVG: a 1200×630 card for link previews, from the same facts, with the bundled font. */
import type { Facts } from '../../schemas/facts.js';
import { formatDate, formatMinutes, formatUsers } from '../write/format-figures.js';
import { escapeXml } from './timeline-svg.js';

/** Greedy word wrap by an estimated glyph width; the font is fixed, so the estimate is stable. */
function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (`${current} ${word}`.trim().length > maxChars && current) {
      lines.push(current);
      current = word;
    } else current = `${current} ${word}`.trim();
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${(kept[maxLines - 1] ?? '').slice(0, maxChars - 1)}…`;
    return kept;
  }
  return lines;
}

export function renderOgSvg(facts: Facts): string {
  const title = wrap(facts.title, 32, 3)
    .map(
      (line, i) =>
        `<text x="72" y="${220 + i * 72}" font-size="60" font-weight="bold" fill="#111827">${escapeXml(line)}</text>`,
    )
    .join('');
  const figures = [
    `Duration ${formatMinutes(facts.durationMinutes)}`,
    `Users affected ${formatUsers(facts.usersAffected)}`,
    facts.severity ? `Severity ${facts.severity}` : '',
  ]
    .filter(Boolean)
    .join('  ·  ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="'DejaVu Sans', sans-serif">
<rect width="1200" height="630" fill="#ffffff"/><rect width="1200" height="16" fill="#dc2626"/>
<text x="72" y="110" font-size="30" fill="#4b5563">${escapeXml(`Postmortem · ${formatDate(facts.date)}`)}</text>
${title}
<text x="72" y="560" font-size="32" fill="#111827">${escapeXml(wrap(figures, 60, 1)[0] ?? '')}</text>
</svg>
`;
}
