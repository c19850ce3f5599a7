/**
 * The figures a reader wants from an incident: how bad it got against what is normal ("p99
 * normally 200ms, rose to 4s"). Each figure is read in its own clause, so the baseline written
 * beside a peak ("error rate 35% (baseline under 1%)") is not taken for the peak, and an
 * alert's threshold ("latency > 2s") or a recovered value ("back to 210ms") is neither.
 */
import type { Facts, ImpactFigure } from '../../../schemas/facts.js';
import { scoreText } from '../cues/cue.js';
import { FIGURE_CUES } from '../cues/impact-cues.js';

export interface Peak {
  /** The worst value, as written ("4s", "35%"). */
  value: string;
  /** The normal value when the input states one ("200ms", "under 1%"). */
  baseline: string | null;
  line: number;
}

export interface PeakFigures {
  errorRate: Peak | null;
  latency: Peak | null;
}

/** The clause of the line that holds the figure: between brackets, commas and semicolons. */
function clauseOf(figure: ImpactFigure): string {
  const at = figure.context.indexOf(figure.value.replace(/[,.]$/, ''));
  if (at < 0) return figure.context;
  const before = figure.context.slice(0, at);
  const after = figure.context.slice(at);
  const start = /.*[(;,]/s.exec(before)?.[0].length ?? 0;
  const end = /[();,]/.exec(after)?.index ?? after.length;
  return figure.context.slice(start, at + end);
}

const THRESHOLD = /(?:>|<|≥|≤|\babove\b|\bover\b|\bbelow\b|\bthreshold\b)\s*~?$/i;
const RECOVERED =
  /\b(?:back (?:to|at|under|below)|normal|recovered|dropp\w+ to|down to|again|under|below)\b/i;
const BASELINE = /\b(?:normally|usually|typically|baseline|expected|as usual|nominal)\b/i;

/** Milliseconds in "4s", "200ms", "1.5 s"; null for anything else. */
function milliseconds(value: string): number | null {
  const match = /(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|m|min)\b/i.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  const unit = (match[2] ?? '').toLowerCase();
  return unit === 'ms' ? n : unit.startsWith('m') && unit !== 'ms' ? n * 60_000 : n * 1000;
}

const percent = (value: string): number | null => {
  const match = /(\d+(?:\.\d+)?)\s*%/.exec(value);
  return match ? Number(match[1]) : null;
};

function peakOf(
  figures: readonly ImpactFigure[],
  measure: (value: string) => number | null,
  isFailure: (clause: string) => boolean,
): Peak | null {
  let peak: { figure: ImpactFigure; size: number } | null = null;
  let baseline: string | null = null;
  for (const figure of figures) {
    const size = measure(figure.value);
    // "> 2s" is an alert's threshold, neither the peak nor the baseline.
    if (size === null || /^\s*[<>≤≥]/.test(figure.value)) continue;
    const clause = clauseOf(figure);
    const beforeValue = clause.slice(0, clause.indexOf(figure.value.replace(/[,.]$/, '')));
    if (BASELINE.test(clause)) {
      const match = /(?:under|below|about|around|~)?\s*$/i.exec(beforeValue)?.[0].trim();
      baseline ??= `${match ? `${match} ` : ''}${figure.value.replace(/[,.]$/, '')}`;
      continue;
    }
    if (THRESHOLD.test(beforeValue) || RECOVERED.test(clause) || !isFailure(clause)) continue;
    if (!peak || size > peak.size) peak = { figure, size };
  }
  return peak
    ? { value: peak.figure.value.replace(/[,.]$/, ''), baseline, line: peak.figure.line }
    : null;
}

/** The worst error rate and latency the input states, each with its stated baseline. */
export function peakFigures(facts: Facts): PeakFigures {
  const failing = (clause: string) => {
    const { scores } = scoreText(clause, FIGURE_CUES);
    return (scores['failure-rate'] ?? 0) > (scores['not-failure-rate'] ?? 0);
  };
  return {
    errorRate: peakOf(
      facts.impact.filter((f) => f.kind === 'error-rate' || f.kind === 'percentage'),
      percent,
      failing,
    ),
    latency: peakOf(
      facts.impact.filter((f) => f.kind === 'latency'),
      milliseconds,
      () => true,
    ),
  };
}
