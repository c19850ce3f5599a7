/**
 * og.png's SVG: a 1200×630 card for link previews, from the same facts, with the packaged fonts.
 * The title wraps by its measured width in any script, right-to-left titles read right to left.
 */
import type { Facts } from '../../schemas/facts.js';
import { formatDate, formatMinutes, formatUsers } from '../format/format-figures.js';
import { x } from 'xastscript';
import type { Typesetter } from './typeset.js';
import { onLines, svgFile } from './xml.js';

const WIDTH = 1200;
const MARGIN = 72;
const TITLE = { size: 60, weight: 700 } as const;

function texts(facts: Facts): { heading: string; figures: string } {
  const figures = [
    `Duration ${formatMinutes(facts.durationMinutes)}`,
    `Users affected ${formatUsers(facts.usersAffected)}`,
    facts.severity ? `Severity ${facts.severity}` : '',
  ]
    .filter(Boolean)
    .join('  ·  ');
  return { heading: `Postmortem · ${formatDate(facts.date)}`, figures };
}

/** Every string the card draws, for loading the fonts it needs (Typesetter.load). */
export function ogText(facts: Facts): string {
  const { heading, figures } = texts(facts);
  return `${heading}${facts.title}${figures}…`;
}

/** The card's SVG, laid out with `typesetter` (loaded for this card's text). */
export function renderOgSvg(facts: Facts, typesetter: Typesetter): string {
  const { heading, figures } = texts(facts);
  const lineWidth = WIDTH - 2 * MARGIN;
  const title = typesetter.wrap(facts.title, TITLE, lineWidth, 3).flatMap((line, i) =>
    typesetter.line(line, {
      ...TITLE,
      x: MARGIN,
      y: 220 + i * 72,
      rightX: WIDTH - MARGIN,
      attributes: { fill: '#111827' },
    }),
  );
  const svg = x(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: 1200,
      height: 630,
      viewBox: '0 0 1200 630',
      'font-family': "'DejaVu Sans', sans-serif",
    },
    onLines([
      [
        x('rect', { width: 1200, height: 630, fill: '#ffffff' }),
        x('rect', { width: 1200, height: 16, fill: '#dc2626' }),
      ],
      typesetter.line(heading, { size: 30, x: MARGIN, y: 110, attributes: { fill: '#4b5563' } }),
      title,
      typesetter.line(typesetter.fit(figures, { size: 32 }, lineWidth), {
        size: 32,
        x: MARGIN,
        y: 560,
        attributes: { fill: '#111827' },
      }),
    ]),
  );
  return svgFile(svg);
}
