/**
 * A word in capitals right after a time looks like a zone abbreviation (`14:00 XYZT`), and time.ts
 * reads an unknown one as a zone so that a misspelt zone is an error, not a silent shift. But an
 * on-call tool's timeline has a column of event kinds in that place (`10:33:10   CHAT   sam.k:
 * ...` among `TRIGGERED`, `ACKED`, `PAGED`, `RECOVERED`), and a kind that happens to end in T is
 * text. Which one it is shows in the block: a zone is written the same on the lines that carry
 * it, a column word changes from line to line.
 */
import type { Block, SourceLine } from './document.js';
import { isStampProblem, readStamp, type Stamp } from './time.js';
import { resolveZone } from './zone.js';

/** The stamp a line starts with, when it has a clock time. */
function timedStamp(text: string): Stamp | null {
  const stamp = readStamp(text);
  return stamp && !isStampProblem(stamp) && stamp.time ? stamp : null;
}

/** The word in the zone's place: the zone as written, else the first word after the stamp. */
function wordAfterTime(stamp: Stamp): string | null {
  return stamp.zone ?? /^\S+/.exec(stamp.rest)?.[0] ?? null;
}

/**
 * The block with each unknown zone-looking word that stands in a column of changing words set
 * apart from its time by ` - `, so it is read as the start of the message (the text read is the
 * same). A word written after the time on at least half the timed lines is in the zone's place
 * and stays a zone (an unknown one is then reported as such).
 */
export function columnWordsAsText(block: Block): Block {
  // Only a capital word ending in T after a clock can be taken for an unknown zone (time.ts).
  if (
    !block.lines.some((line) =>
      /\d:\d\d\S*(?:\s*[AaPp]\.?[Mm]\.?)?\s+[A-Z]{2,3}T(?![A-Za-z0-9])/.test(line.text),
    )
  )
    return block;
  const stamps = block.lines.map((line) => timedStamp(line.text));
  const unknown = stamps.some((stamp) => stamp?.zone && resolveZone(stamp.zone) === null);
  if (!unknown) return block;
  const words = stamps.flatMap((stamp) => {
    const word = stamp ? wordAfterTime(stamp) : null;
    return word ? [word] : [];
  });
  const lines = block.lines.map((line, index): SourceLine => {
    const zone = stamps[index]?.zone;
    if (!zone || resolveZone(zone) !== null) return line;
    const same = words.filter((word) => word === zone).length;
    if (same * 2 >= words.length) return line;
    const from = (stamps[index]?.column ?? 1) - 1;
    const found = line.text.slice(from).search(new RegExp(`\\s+${zone}(?![A-Za-z0-9])`));
    if (found < 0) return line;
    const at = from + found;
    const gap = /^\s+/.exec(line.text.slice(at))?.[0] ?? ' ';
    return {
      number: line.number,
      text: `${line.text.slice(0, at)} - ${line.text.slice(at + gap.length)}`,
    };
  });
  return { lines };
}
