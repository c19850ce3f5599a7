/**
 * Figures a reader wants (error rates, latencies, counts, users) found in the input, each
 * with the line it came from. Writers may only state figures found here or computed from
 * the milestones.
 */
import type { ImpactFigure } from '../../schemas/facts.js';

interface Pattern {
  kind: ImpactFigure['kind'];
  re: RegExp;
  /** The figure only counts when its surroundings mention one of these. */
  context?: RegExp;
}

const NUMBER = String.raw`~?\d[\d,]*(?:\.\d+)?`;
const PATTERNS: readonly Pattern[] = [
  {
    kind: 'users',
    re: new RegExp(
      String.raw`(${NUMBER}\s*(?:k|K|M|million|thousand)?\+?)\s+(?:users|customers|accounts|people|editors|merchants|tenants|subscribers|developers|players)\b`,
      'g',
    ),
  },
  {
    kind: 'utilization',
    re: new RegExp(String.raw`(${NUMBER}\s?%)`, 'g'),
    context: /cpu|memory|pool|capacity|disk|utili[sz]ation|saturat|load|connections/i,
  },
  {
    kind: 'error-rate',
    re: new RegExp(String.raw`(${NUMBER}\s?%)`, 'g'),
    context: /error|fail|5\d\d|50x|timeout|reject|loss|lost|unavailable|stuck/i,
  },
  { kind: 'percentage', re: new RegExp(String.raw`(${NUMBER}\s?%)`, 'g') },
  {
    kind: 'latency',
    re: new RegExp(String.raw`((?:>|<|~)?\s?${NUMBER}\s?(?:ms|milliseconds|s|sec|seconds)\b)`, 'g'),
    context: /latency|response|p\d\d|slow|timeout|duration|took/i,
  },
  {
    kind: 'count',
    re: new RegExp(
      String.raw`(${NUMBER}\s*(?:k|K|M|million|thousand|billion)?)\s+(?:HTTP\s+)?(?:requests|errors|failures|calls|orders|transactions|messages|jobs|events|5\d\d|50X|alerts|pages|edits|sessions|volumes|instances|servers|pods|nodes)\b`,
      'g',
    ),
  },
];

function sentenceAround(text: string, index: number, length: number): string {
  const before = text.slice(0, index);
  const after = text.slice(index + length);
  const start = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('; '),
    before.lastIndexOf('\n'),
  );
  const endCandidates = ['. ', '; ', '\n'].map((sep) => after.indexOf(sep)).filter((i) => i >= 0);
  const end = endCandidates.length ? Math.min(...endCandidates) : after.length;
  return (before.slice(start + 1) + text.slice(index, index + length) + after.slice(0, end))
    .trim()
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

export function findImpactFigures(
  lines: readonly { text: string; line: number }[],
): ImpactFigure[] {
  const figures: ImpactFigure[] = [];
  for (const { text, line } of lines) {
    const taken = new Set<number>();
    for (const pattern of PATTERNS) {
      pattern.re.lastIndex = 0;
      for (const match of text.matchAll(pattern.re)) {
        const value = (match[1] ?? '').trim();
        if (taken.has(match.index)) continue;
        const context = sentenceAround(text, match.index, match[0].length);
        // Judge a figure by the words next to it, not by the whole sentence.
        const near = text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 30);
        if (pattern.context && !pattern.context.test(near)) continue;
        taken.add(match.index);
        figures.push({ kind: pattern.kind, value, context, line });
      }
    }
  }
  return figures;
}

/** Parses "12,400", "~25k", "1.2M" into a number; null for anything else. */
export function parseCount(value: string): number | null {
  const match = /^~?([\d,]+(?:\.\d+)?)\s*(k|K|M|million|thousand)?\+?$/.exec(value.trim());
  if (!match) return null;
  const base = Number((match[1] ?? '').replace(/,/g, ''));
  const unit = match[2]?.toLowerCase();
  const factor =
    unit === 'k' || unit === 'thousand' ? 1e3 : unit === 'm' || unit === 'million' ? 1e6 : 1;
  return Number.isFinite(base) ? Math.round(base * factor) : null;
}
