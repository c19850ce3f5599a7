/**
 * Times written as a step from a time the text already gave, with no T0 stated: a note that
 * says `16:20 homepage down` and then `5 minutes later: on-call acked`, or a log that starts at
 * `14:00` and goes on `+3m acked`, `+1h queue drained`. A person reads the step from the line
 * it follows: "N minutes later" from the line just above (its own time, once read), `+N` from
 * the last line that wrote a clock time (the anchor), as a war-room scribe counts from the
 * page. Each such line gets the stamp it counts to, written where its step was, keeping its
 * number; a step with no written time above it stays untimed. Offsets from a stated T0 (`T+12m`
 * under "Incident start: 14:00") are offset-stamps.ts's, read before this.
 */
import { DateTime } from 'luxon';
import type { Block } from './document.js';
import { AMOUNT_SOURCE, stepSeconds } from './number-words.js';
import { isStampProblem, readStamp, type Stamp } from './time.js';

const UNIT = String.raw`(?<unit>seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h)`;
const AMOUNT = `(?<amount>${AMOUNT_SOURCE})`;
/** `5 minutes later`, `~10 min later`, `an hour later`, at a line's start (after a bullet). */
const LATER = new RegExp(
  String.raw`^(?<lead>\s*(?:[-*•]\s+)?)(?:about\s+|around\s+|~\s*)?${AMOUNT}\s*${UNIT}\s+later\b[\s:,.–—-]*`,
  'i',
);
/** `+3m`, `+1h`, `+1h30m`, `(+15 min)` at a line's start; a bare `+1` is a vote, not a time. */
const PLUS = new RegExp(
  String.raw`^(?<lead>\s*(?:[-*•]\s+)?)[[(]?\+\s*(?:(?<hours>\d{1,2})\s*(?:h|hrs?|hours?)\s*)?(?:(?<minutes>\d{1,3})\s*(?:m|mins?|minutes?))?[\])]?(?![\w:])[\s:,.–—-]*`,
  'i',
);

/** A step at a line's start: from the line above (`later`) or from the anchor (`+`). */
function stepOf(
  text: string,
): { from: 'previous' | 'anchor'; seconds: number; lead: string; length: number } | null {
  const later = LATER.exec(text);
  if (later?.groups) {
    const { amount = '', unit = '', lead = '' } = later.groups;
    return { from: 'previous', seconds: stepSeconds(amount, unit), lead, length: later[0].length };
  }
  const plus = PLUS.exec(text);
  const g = plus?.groups;
  if (!plus || !g || (g.hours === undefined && g.minutes === undefined)) return null;
  const seconds = Number(g.hours ?? 0) * 3600 + Number(g.minutes ?? 0) * 60;
  return { from: 'anchor', seconds, lead: g.lead ?? '', length: plus[0].length };
}

/** A written time: the instant on its day (a made-up day when none is written) and its form. */
interface Written {
  at: DateTime;
  dated: boolean;
  zone: string | null;
}

function writtenOf(stamp: Stamp): Written | null {
  if (!stamp.time) return null;
  const date = stamp.date?.year != null ? stamp.date : null;
  const at = DateTime.fromObject(
    {
      year: date?.year ?? 2000,
      month: date?.month ?? 1,
      day: date?.day ?? 1,
      ...stamp.time,
    },
    { zone: 'UTC' },
  );
  return at.isValid ? { at, dated: date !== null, zone: stamp.zone } : null;
}

/** The stamp a step counts to, written as the line readers read it. */
function stampText(written: Written): string {
  const { at } = written;
  const clock = at.toFormat(at.second === 0 ? 'HH:mm' : 'HH:mm:ss');
  const day = written.dated ? `${at.toFormat('yyyy-MM-dd')} ` : '';
  return `${day}${clock}${written.zone ? ` ${written.zone}` : ''}`;
}

/**
 * The blocks with each step line stamped (see the module comment); the blocks as they were when
 * no line is a step. Blocks are read in order: a step may follow a time in the block above.
 */
export function readLaterOffsets(blocks: readonly Block[]): Block[] {
  if (!blocks.some((block) => block.lines.some((line) => stepOf(line.text)))) return [...blocks];
  let anchor: Written | null = null;
  let previous: Written | null = null;
  return blocks.map((block) => ({
    ...block,
    lines: block.lines.map((line) => {
      const stamp = readStamp(line.text);
      if (stamp && !isStampProblem(stamp) && stamp.time) {
        anchor = writtenOf(stamp);
        previous = anchor;
        return line;
      }
      const step = stepOf(line.text);
      const base: Written | null = step?.from === 'anchor' ? anchor : previous;
      if (!step || !base) return line;
      const at: Written = { ...base, at: base.at.plus({ seconds: step.seconds }) };
      previous = at;
      const rest = line.text.slice(step.length);
      return { number: line.number, text: `${step.lead}${stampText(at)} ${rest}` };
    }),
  }));
}
