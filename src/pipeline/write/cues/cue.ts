/**
 * Judgement about text, kept as data: a cue is one pattern with what it signals, how much it
 * weighs and why, and examples that must and must not match (each one is a test). The engine
 * below only adds weights up. Modelled on mdast-util-to-markdown's `unsafe` table.
 */

export interface Cue<Signal extends string = string> {
  /** Stable id, for tests and for the reason a choice gives. */
  id: string;
  /** What a match says about the text. */
  signal: Signal;
  /** 3 strong, 2 clear, 1 weak; negative weights count against the signal. */
  weight: number;
  /** Why this cue means what it says. */
  reason: string;
  pattern: RegExp;
  /** Texts the pattern must match, and must not (the shape of analyze/cues.ts). */
  examples: { match: readonly string[]; noMatch: readonly string[] };
}

export interface CueScore<Signal extends string> {
  /** Summed weight per signal; signals no cue hit are absent. */
  scores: Partial<Record<Signal, number>>;
  /** Ids of the cues that matched, in table order. */
  hits: string[];
}

/** Runs every cue of the table over the text and sums weights per signal. */
export function scoreText<Signal extends string>(
  text: string,
  table: readonly Cue<Signal>[],
): CueScore<Signal> {
  const scores: Partial<Record<Signal, number>> = {};
  const hits: string[] = [];
  for (const cue of table) {
    if (!cue.pattern.test(text)) continue;
    hits.push(cue.id);
    scores[cue.signal] = (scores[cue.signal] ?? 0) + cue.weight;
  }
  return { scores, hits };
}

/** The summed weight of one signal (0 when no cue of it matched). */
export function scoreOf<Signal extends string>(
  text: string,
  table: readonly Cue<Signal>[],
  signal: Signal,
): number {
  return scoreText(text, table).scores[signal] ?? 0;
}

/** The signal with the highest positive score, or null when none scored above zero. */
export function strongestSignal<Signal extends string>(
  text: string,
  table: readonly Cue<Signal>[],
): Signal | null {
  const { scores } = scoreText(text, table);
  let best: Signal | null = null;
  let bestScore = 0;
  for (const [signal, score] of Object.entries(scores) as [Signal, number][]) {
    if (score > bestScore) {
      best = signal;
      bestScore = score;
    }
  }
  return best;
}
