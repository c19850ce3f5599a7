/**
 * Durations people write down ("time to detection 64 min", "2h06m after the start") are facts
 * too: they place the start when no line says "impact began".
 */
export interface StatedDurations {
  timeToDetectMinutes: number | null;
  timeToResolveMinutes: number | null;
  /** "The outage lasted 45 minutes", "a 2-hour outage": how long the whole incident took. */
  durationMinutes: number | null;
  /** "Time to mitigate: 25 min", "TTM 25m": from the start to the mitigation. */
  timeToMitigateMinutes: number | null;
}

// `1h07m` has no word boundary after the `h`: a letter must not follow the unit instead.
const AMOUNT = String.raw`(\d+(?:[.,]\d+)?)\s*(minutes?|mins?|m|hours?|hrs?|h)(?![a-z])(?:\s*(?:and\s*)?(\d+)\s*(?:minutes?|mins?|m)\b)?`;
const ABOUT = String.raw`(?:about\s+|around\s+|roughly\s+|approximately\s+|approx\.?\s+|nearly\s+|almost\s+|just over\s+|just under\s+|~\s*)?`;
/**
 * How long the impact lasted, stated outright: a report's "Impact duration: 59m" field (at a
 * line's start or after a sentence: "Images failed to load. Duration: 47 minutes."), "the
 * outage lasted 1h07m", "checkout was down for about 67 minutes". These are the report's own
 * figure and beat the span between two chosen lines, which may be a declared close long after
 * the impact ended.
 */
const TOTAL = [
  new RegExp(
    String.raw`(?:\b(?:impact|outage|incident|downtime|disruption|total)\s+duration|\btotal\s+(?:(?:customer|user)[- ])?(?:impact|downtime|outage|disruption)(?:\s+(?:time|duration))?|(?:^|(?<=[.!;]\s{1,3}))[\s>*_#-]*(?:(?:customer|user)[- ])?(?:duration|downtime|outage|impact|length)(?:\s+(?:time|duration|length))?(?:\s+of\s+(?:the\s+)?(?:impact|outage|incident|disruption|downtime))?(?=[\s*_]*[:=—–]))(?:\s+of\s+(?:the\s+)?(?:impact|outage|incident|disruption))?[\s*_]*(?:[:=–—-]|was|of)[\s*_]*` +
      ABOUT +
      AMOUNT,
    'im',
  ),
  new RegExp(
    String.raw`\b(?:impact|outage|incident|downtime|disruption|degradation)\b[^.\n]{0,40}?\b(?:lasted|went on for|continued for)\s+(?:for\s+)?` +
      ABOUT +
      AMOUNT,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:was|were)\s+(?:down|unavailable|degraded|offline|unreachable|failing|impacted|affected)\b[^.\n]{0,30}?\bfor\s+(?:a total of\s+)?` +
      ABOUT +
      AMOUNT,
    'i',
  ),
];
const TTD = new RegExp(
  String.raw`\b(?:time[\s-]to[\s-]detect(?:ion)?|TTD|MTTD)\b[^0-9\n]{0,20}` + AMOUNT,
  'i',
);
const TTR = new RegExp(
  String.raw`\b(?:time[\s-]to[\s-](?:recover(?:y)?|resol(?:ve|ution)|restor(?:e|ation))|TTR|MTTR)\b[^0-9\n]{0,20}` +
    AMOUNT,
  'i',
);
const TTM = new RegExp(
  String.raw`\b(?:time[\s-]to[\s-]mitigat(?:e|ion)|TTM|MTTM)\b[^0-9\n]{0,20}` + AMOUNT,
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
  const amount = Number((value ?? '').replace(',', '.'));
  const base = /^h/i.test(unit ?? '') ? amount * 60 : amount;
  return base + Number(extraMinutes ?? 0);
}

/**
 * The impact's length as the report states it outright, in minutes, or null. Looser phrasings
 * ("it took 45 minutes") are left to `readStatedDurations`, which is used only with no end time.
 */
export function readStatedImpactMinutes(text: string): number | null {
  for (const re of TOTAL) {
    const match = re.exec(text);
    if (match) return Math.round(toMinutes(match[1], match[2], match[3]));
  }
  return null;
}

export function readStatedDurations(text: string): StatedDurations {
  const ttd = TTD.exec(text);
  const ttr = TTR.exec(text);
  const ttm = TTM.exec(text);
  const lasted = LASTED.exec(text);
  const total = readStatedImpactMinutes(text);
  return {
    durationMinutes: total ?? (lasted ? toMinutes(lasted[1], lasted[2], lasted[3]) : null),
    timeToDetectMinutes: ttd ? toMinutes(ttd[1], ttd[2], ttd[3]) : null,
    timeToResolveMinutes: ttr ? toMinutes(ttr[1], ttr[2], ttr[3]) : null,
    timeToMitigateMinutes: ttm ? toMinutes(ttm[1], ttm[2], ttm[3]) : null,
  };
}

/** "(2h06m after the start.)" on a timed line: the start is that many minutes earlier. */
export function readMinutesAfterStart(text: string): number | null {
  const match = AFTER_START.exec(text);
  if (!match) return null;
  if (match[3]) return Number(match[3]);
  return Number(match[1]) * 60 + Number(match[2]);
}
