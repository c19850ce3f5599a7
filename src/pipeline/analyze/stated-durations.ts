/**
 * Durations people write down ("time to detection 64 min", "2h06m after the start") are facts
 * too: they place the start when no line says "impact began".
 */
export interface StatedDurations {
  timeToDetectMinutes: number | null;
  timeToResolveMinutes: number | null;
  /** "The outage lasted 45 minutes", "a 2-hour outage": how long the whole incident took. */
  durationMinutes: number | null;
}

const AMOUNT = String.raw`(\d+(?:\.\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)\b(?:\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?|m)\b)?`;
const TTD = new RegExp(
  String.raw`\b(?:time[\s-]to[\s-]detect(?:ion)?|TTD|MTTD)\b[^0-9\n]{0,20}` + AMOUNT,
  'i',
);
const TTR = new RegExp(
  String.raw`\b(?:time[\s-]to[\s-](?:recover(?:y)?|resol(?:ve|ution)|restor(?:e|ation))|TTR|MTTR)\b[^0-9\n]{0,20}` +
    AMOUNT,
  'i',
);
const LASTED = new RegExp(
  String.raw`\b(?:incident|outage|impact|disruption|degradation|issue|problem|it|errors?)\b[^.\n]{0,40}?\b(?:lasted|went on for|continued for|took)\s+(?:about\s+|around\s+|roughly\s+|approximately\s+|~\s*)?` +
    AMOUNT,
  'i',
);
const AFTER_START =
  /(?:\b(\d+)\s*h(?:ours?|rs?)?\s*(?:and\s*)?(\d+)\s*m(?:in(?:ute)?s?)?|\b(\d+)\s*(?:minutes?|mins?))\s+after\s+(?:the\s+)?(?:start|impact began|it began)/i;

export function toMinutes(
  value: string | undefined,
  unit: string | undefined,
  extraMinutes?: string,
): number {
  const amount = Number(value);
  const base = /^h/i.test(unit ?? '') ? amount * 60 : amount;
  return base + Number(extraMinutes ?? 0);
}

export function readStatedDurations(text: string): StatedDurations {
  const ttd = TTD.exec(text);
  const ttr = TTR.exec(text);
  const lasted = LASTED.exec(text);
  return {
    durationMinutes: lasted ? toMinutes(lasted[1], lasted[2], lasted[3]) : null,
    timeToDetectMinutes: ttd ? toMinutes(ttd[1], ttd[2], ttd[3]) : null,
    timeToResolveMinutes: ttr ? toMinutes(ttr[1], ttr[2], ttr[3]) : null,
  };
}

/** "(2h06m after the start.)" on a timed line: the start is that many minutes earlier. */
export function readMinutesAfterStart(text: string): number | null {
  const match = AFTER_START.exec(text);
  if (!match) return null;
  if (match[3]) return Number(match[3]);
  return Number(match[1]) * 60 + Number(match[2]);
}
