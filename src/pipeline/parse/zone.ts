import { IANAZone } from 'luxon';

/**
 * Abbreviations people actually type, mapped to the IANA zone they mean. Engineers write "PST"
 * all year round, so abbreviations resolve to the region's zone and daylight saving comes from
 * the time-zone database, not from the letters.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  WEST: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  MEZ: 'Europe/Berlin',
  MESZ: 'Europe/Berlin',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
  IST: 'Asia/Kolkata',
  SGT: 'Asia/Singapore',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

/**
 * The UTC offset (minutes) an abbreviation names when it names one season: `PST` is UTC-8 and
 * `PDT` UTC-7, whatever the date. Generic names (`PT`, `ET`) are not here: they follow the
 * region's clock. Source: the abbreviations of the IANA time-zone database for these regions.
 */
const SEASON_OFFSETS: Readonly<Record<string, number>> = {
  PST: -480,
  PDT: -420,
  MST: -420,
  MDT: -360,
  CST: -360,
  CDT: -300,
  EST: -300,
  EDT: -240,
  AKST: -540,
  AKDT: -480,
  BST: 60,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  MEZ: 60,
  MESZ: 120,
  EET: 120,
  EEST: 180,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
};

/**
 * For an abbreviation that names one season (`PST`), its fixed offset as a zone (`UTC-8`) and
 * the region it belongs to; null for anything else (`UTC`, `PT`, `Europe/Berlin`).
 */
export function seasonalAbbreviation(token: string): { fixed: string; region: string } | null {
  const upper = token.trim().toUpperCase();
  const minutes = SEASON_OFFSETS[upper];
  const region = ABBREVIATIONS[upper];
  if (minutes === undefined || !region || token.trim() !== upper) return null;
  const sign = minutes < 0 ? '-' : '+';
  const h = Math.floor(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  return {
    fixed: minutes === 0 ? 'UTC' : `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`,
    region,
  };
}

const ZONE_ALTERNATIVES = `Z|[+\\-−]\\d{2}:?\\d{2}|(?:UTC|GMT)(?:\\s?[+\\-−]\\s?\\d{1,2}(?::?\\d{2})?)?|${Object.keys(
  ABBREVIATIONS,
)
  .filter((abbr) => abbr.length > 1)
  .join('|')}`;

/** The zone tokens a timeline line may carry right after its time. */
export const ZONE_TOKEN_SOURCE = `(?:${ZONE_ALTERNATIVES})(?![A-Za-z0-9])`;

/** `UTC+2`, `-07:00`, and the typographic minus (U+2212) that documents and slides paste. */
const OFFSET = /^(?:UTC|GMT)?\s?([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * Abbreviations more than one country writes for its own clock, with the zones each is the local
 * name in: `IST` is India, Irish and Israel Standard Time, `CST` US Central, China and Cuba,
 * `BST` British Summer and Bangladesh Standard Time. Alone, the first reading in `ABBREVIATIONS`
 * wins; beside a zone the incident states (`timezone: Europe/Dublin`), that zone is what its
 * people mean by it. Source: the abbreviations of the IANA time-zone database for these zones.
 */
const SHARED_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  IST: [
    'Asia/Kolkata',
    'Asia/Calcutta',
    'Europe/Dublin',
    'Eire',
    'Asia/Jerusalem',
    'Asia/Tel_Aviv',
    'Israel',
  ],
  CST: [
    'America/Chicago',
    'US/Central',
    'America/Winnipeg',
    'America/Mexico_City',
    'America/Regina',
    'Asia/Shanghai',
    'Asia/Chongqing',
    'Asia/Harbin',
    'PRC',
    'Asia/Taipei',
    'ROC',
    'Asia/Macau',
    'America/Havana',
    'Cuba',
  ],
  BST: ['Europe/London', 'Europe/Belfast', 'GB', 'Asia/Dhaka', 'Asia/Dacca'],
};

/**
 * Turns what a person wrote (`PST`, `US/Pacific`, `UTC-8`, `-07:00`, `Europe/Berlin`) into a
 * zone name Luxon understands, or null when it names no zone we know. `stated` is the zone the
 * incident states (its front matter's), when known: a shared abbreviation (`IST`, `CST`, `BST`)
 * that is that zone's own name reads as that zone (`IST` beside `Europe/Dublin` is Irish time).
 */
export function resolveZone(token: string, stated: string | null = null): string | null {
  const trimmed = token.trim();
  if (trimmed === '') return null;
  if (stated !== null && SHARED_ABBREVIATIONS[trimmed]?.includes(stated)) return stated;
  // `Europe/Amsterdam (CEST)`, `America/Chicago (CST)`: a name with its abbreviation beside it.
  const glossed = /^(\S+)\s*\(([^()]+)\)$/.exec(trimmed);
  if (glossed) return resolveZone(glossed[1] ?? '') ?? resolveZone(glossed[2] ?? '');
  const abbreviation = ABBREVIATIONS[trimmed.toUpperCase()];
  if (abbreviation && (trimmed === trimmed.toUpperCase() || trimmed.length > 3))
    return abbreviation;
  const offset = OFFSET.exec(trimmed);
  if (offset) {
    const [, written, hours, minutes] = offset;
    const sign = written === '+' ? '+' : '-';
    const h = Number(hours);
    const m = Number(minutes ?? 0);
    if (h > 14 || m > 59) return null;
    if (h === 0 && m === 0) return 'UTC';
    return `UTC${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
  }
  if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(trimmed) && IANAZone.isValidZone(trimmed))
    return trimmed;
  if (/^utc$/i.test(trimmed)) return 'UTC';
  return null;
}

/** Filler between "times" and the zone: "times are local, Pacific", "all times shown in CET". */
const PHRASE =
  /\b(?:all\s+)?(?:time[- ]?zones?|timestamps?|timeline|times?|tz|zeitzone|fuseau horaire|zona horaria|fuso orario|tijdzone|tidszon)\b(?:\s*[,:(]?\s*(?:are|is|kept|shown|given|listed|written|below|above|here|local|in|on|of|as|our|this|these|the|thread|channel|doc|document|page|log|chat|report|post|ticket))*\s*[,:(=]?\s*([A-Za-z][A-Za-z_/]*(?:\s?[+\-−]\s?\d{1,2}(?::?\d{2})?)?|[+\-−]\d{2}:?\d{2})(?:\s+([A-Za-z]+))?/i;
/** A zone named anywhere; a whole word only, so `ETL`, `PTO` and `ISTIO` name none. */
const ANY_TOKEN = new RegExp(
  `(?<![A-Za-z0-9:])(${ZONE_ALTERNATIVES}|[A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)(?![A-Za-z0-9])`,
  'g',
);

/** A region named right after a clock time ("at 21:40 Pacific", "9am Eastern"). */
const CLOCK_REGION =
  /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?\s*)?\s(pacific|mountain|central|eastern)(?:\s+(european))?\b/i;

/**
 * Regions people name instead of an abbreviation ("times are local, Pacific", "Eastern time"):
 * read only right after words about the times, where they cannot mean an ocean or a team.
 * "Central European" is Europe's, a bare "Central" North America's (as US teams write it).
 */
const REGIONS: Readonly<Record<string, string>> = {
  pacific: 'America/Los_Angeles',
  mountain: 'America/Denver',
  central: 'America/Chicago',
  eastern: 'America/New_York',
  'us pacific': 'America/Los_Angeles',
  'us mountain': 'America/Denver',
  'us central': 'America/Chicago',
  'us eastern': 'America/New_York',
  'central european': 'Europe/Paris',
  'eastern european': 'Europe/Athens',
  'western european': 'Europe/Lisbon',
  indian: 'Asia/Kolkata',
};

function regionZone(word: string, next: string | undefined): string | null {
  const first = word.toLowerCase();
  const two = next ? REGIONS[`${first} ${next.toLowerCase()}`] : undefined;
  return two ?? REGIONS[first] ?? null;
}

/**
 * Place names in the languages time.ts reads that are not the tz database's own spelling, and
 * countries with one clock, as a header names them (`heure de Paris`, `hora de Lisboa`,
 * `Nederlandse tijd`, `heure française`, `svensk tid`). Sources: the IANA zone names and CLDR's exemplar cities
 * in `fr`, `es`, `pt`, `it`, `de`, `nl`.
 */
const PLACES: Readonly<Record<string, string>> = {
  londres: 'Europe/London',
  londra: 'Europe/London',
  lisboa: 'Europe/Lisbon',
  lisbonne: 'Europe/Lisbon',
  bruxelles: 'Europe/Brussels',
  brussel: 'Europe/Brussels',
  wien: 'Europe/Vienna',
  vienne: 'Europe/Vienna',
  roma: 'Europe/Rome',
  rome: 'Europe/Rome',
  varsovie: 'Europe/Warsaw',
  warschau: 'Europe/Warsaw',
  zürich: 'Europe/Zurich',
  genève: 'Europe/Zurich',
  france: 'Europe/Paris',
  française: 'Europe/Paris',
  francaise: 'Europe/Paris',
  deutschland: 'Europe/Berlin',
  deutsche: 'Europe/Berlin',
  deutscher: 'Europe/Berlin',
  nederland: 'Europe/Amsterdam',
  nederlandse: 'Europe/Amsterdam',
  belgische: 'Europe/Brussels',
  belgique: 'Europe/Brussels',
  españa: 'Europe/Madrid',
  española: 'Europe/Madrid',
  peninsular: 'Europe/Madrid',
  italia: 'Europe/Rome',
  italiana: 'Europe/Rome',
  portugal: 'Europe/Lisbon',
  brasília: 'America/Sao_Paulo',
  brasilia: 'America/Sao_Paulo',
  schweiz: 'Europe/Zurich',
  suisse: 'Europe/Zurich',
  österreich: 'Europe/Vienna',
  svensk: 'Europe/Stockholm',
  italiano: 'Europe/Rome',
  // Countries with one clock, in English, as a header or a `timezone:` names them (`India
  // Standard Time`, `Japan time`, `German time`).
  india: 'Asia/Kolkata',
  indian: 'Asia/Kolkata',
  japan: 'Asia/Tokyo',
  japanese: 'Asia/Tokyo',
  china: 'Asia/Shanghai',
  chinese: 'Asia/Shanghai',
  korea: 'Asia/Seoul',
  korean: 'Asia/Seoul',
  singapore: 'Asia/Singapore',
  germany: 'Europe/Berlin',
  german: 'Europe/Berlin',
  french: 'Europe/Paris',
  spain: 'Europe/Madrid',
  spanish: 'Europe/Madrid',
  italy: 'Europe/Rome',
  italian: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam',
  dutch: 'Europe/Amsterdam',
  sweden: 'Europe/Stockholm',
  swedish: 'Europe/Stockholm',
  norway: 'Europe/Oslo',
  norwegian: 'Europe/Oslo',
  denmark: 'Europe/Copenhagen',
  danish: 'Europe/Copenhagen',
  finland: 'Europe/Helsinki',
  finnish: 'Europe/Helsinki',
  poland: 'Europe/Warsaw',
  polish: 'Europe/Warsaw',
  ireland: 'Europe/Dublin',
  israel: 'Asia/Jerusalem',
  turkey: 'Europe/Istanbul',
  greece: 'Europe/Athens',
  español: 'Europe/Madrid',
  espanhol: 'Europe/Madrid',
  uk: 'Europe/London',
  british: 'Europe/London',
  irish: 'Europe/Dublin',
  sverige: 'Europe/Stockholm',
  norsk: 'Europe/Oslo',
  norge: 'Europe/Oslo',
  dansk: 'Europe/Copenhagen',
  danmark: 'Europe/Copenhagen',
  suomen: 'Europe/Helsinki',
};

let cityZones: ReadonlyMap<string, string> | null = null;

/**
 * The IANA zone a city or country word names (`Paris`, `New York`, `Lisboa`, `française`), else
 * null. A city counts only capitalised, as a name: the database's cities include words.
 */
function placeZoneOf(place: string): string | null {
  cityZones ??= new Map(
    Intl.supportedValuesOf('timeZone')
      .filter((name) => /^(?:Europe|America|Asia|Africa|Australia|Atlantic)\//.test(name))
      .map((name) => [(name.split('/').pop() ?? '').replace(/_/g, ' ').toLowerCase(), name]),
  );
  const word = place.trim().toLowerCase();
  const named = /^\p{Lu}/u.test(place.trim());
  return PLACES[word] ?? (named ? cityZones.get(word) : undefined) ?? null;
}

/**
 * A clock named by its place, as people write it in a header: a word for time or hours and the
 * place after it (`heures de Paris`, `hora de Lisboa`, `ora di Roma`, `Uhrzeit in Berlin`,
 * `times in New York`), the place before a word for time (`Paris time`, `Nederlandse zomertijd`,
 * `deutsche Zeit`), or after one (`heure française`, `hora peninsular`). Only places the tz
 * database (or PLACES) knows count, so `Response time` or `heure de pointe` names no zone.
 */
const PLACE_AFTER =
  /(?<![\p{L}])(?:[Hh]eures?|[Hh]oras?|[Hh]orário|[Oo]ra|[Oo]rario|[Uu]hrzeit|[Zz]eit|[Tt]ijd|[Tt]imes?|[Cc]lock)\s+(?:de\s+|di\s+|da\s+|do\s+|in\s+|van\s+|von\s+)?(\p{L}+(?:[ _-]\p{Lu}\p{L}+)?)/gu;
const PLACE_BEFORE =
  /(?<![\p{L}])(\p{L}+(?: \p{Lu}\p{L}+)?)\s+(?:(?:zomer|winter|standaard)?tijd|[Tt]ijd|[Tt]id|[Aa]ika|(?:Sommer|Winter|Normal)?[Zz]eit|[Tt]ime)(?![\p{L}])/gu;

/** The zone a header names by its place (see PLACE_AFTER), or null. */
export function findPlaceZone(text: string): { zone: string; index: number } | null {
  const found: { zone: string; index: number }[] = [];
  for (const re of [PLACE_AFTER, PLACE_BEFORE]) {
    for (const match of text.matchAll(re)) {
      const words = (match[1] ?? '').split(/[ _-]/);
      // `times in New York`, `heure de Paris`; a second capitalised word may be the sentence's.
      const zone =
        placeZoneOf(words.join(' ')) ??
        placeZoneOf(words[0] ?? '') ??
        (words.length > 1 ? placeZoneOf(words[1] ?? '') : null);
      if (zone) found.push({ zone, index: match.index });
    }
  }
  return found.sort((a, b) => a.index - b.index)[0] ?? null;
}

/**
 * The zone a sentence about the times names (`All times are Pacific.`, `Times below in CET`,
 * `heure de Paris`), anywhere in `text`; null when no such sentence names one. Stricter than
 * findStatedZone: a zone token alone (`we moved the job to UTC`) is not read, since this reads
 * summaries and notes, where zones are also talked about. `stated` is the zone the incident
 * states, for a shared abbreviation (see `resolveZone`).
 */
export function findTimesPhraseZone(text: string, stated: string | null = null): string | null {
  for (const phrase of text.matchAll(new RegExp(PHRASE.source, 'gi'))) {
    const zone = phrase[1]
      ? (resolveZone(phrase[1], stated) ?? regionZone(phrase[1], phrase[2]))
      : null;
    if (zone) return zone;
  }
  return findPlaceZone(text)?.zone ?? null;
}

/**
 * A zone as a person writes it in a `timezone:` field when it is not a name `resolveZone` knows:
 * a region (`Eastern`, `US Pacific`, `Central European Time`), a country or city (`India
 * Standard Time`, `Berlin`), read as `findStatedZone` reads them after "times". Null when the
 * words name no zone.
 */
export function resolveZoneInWords(written: string): string | null {
  const direct = resolveZone(written);
  if (direct) return direct;
  const words = written
    .replace(/^\s*US\s+/i, '')
    .replace(/[()&]/g, ' ')
    .trim();
  // A lone abbreviation resolveZone does not know (`PTS`) is a typo for suggestZone, not words.
  if (!/^[\p{L} ./_-]+$/u.test(words) || /^[A-Z]{2,5}$/.test(words)) return null;
  return findStatedZone(`times ${words}`)?.zone ?? null;
}

/**
 * Finds the zone a header states for the whole timeline ("All times PST.", "Time (UTC)",
 * "exported (UTC, 2020-06-11)", "times are local, Pacific"). A phrase about times wins;
 * otherwise the first zone named. `stated` is the zone the incident states, for a shared
 * abbreviation (see `resolveZone`).
 */
export function findStatedZone(
  text: string,
  stated: string | null = null,
): { zone: string; index: number } | null {
  const phrase = PHRASE.exec(text);
  if (phrase?.[1]) {
    // `Times: Berlin`, `times shown in New York`: a city or country after the words works too.
    const zone =
      resolveZone(phrase[1], stated) ??
      regionZone(phrase[1], phrase[2]) ??
      (phrase[2] ? placeZoneOf(`${phrase[1]} ${phrase[2]}`) : null) ??
      placeZoneOf(phrase[1]);
    if (zone) return { zone, index: phrase.index };
  }
  // "relative to the page at 21:40 Pacific", "from 9am Eastern": a region right after a clock.
  const clock = CLOCK_REGION.exec(text);
  const region = clock?.[1] ? regionZone(clock[1], clock[2]) : null;
  if (clock && region) return { zone: region, index: clock.index };
  const place = findPlaceZone(text);
  if (place) return place;
  for (const match of text.matchAll(ANY_TOKEN)) {
    const candidate = match[1] ?? '';
    if (candidate === 'Z') continue;
    const zone = resolveZone(candidate, stated);
    if (zone) return { zone, index: match.index };
  }
  return null;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

let knownNames: readonly string[] | null = null;

/**
 * The known zone name nearest to a misspelt one (`Europe/Berln` → `Europe/Berlin`, `PTS` →
 * `PST`), or null when none is close: at most a third of its letters differ, and at least two
 * may. Compared without case; names come from the IANA database Node ships (ICU).
 */
export function suggestZone(written: string): string | null {
  knownNames ??= [...Intl.supportedValuesOf('timeZone'), ...Object.keys(ABBREVIATIONS)];
  const wanted = written.trim().toLowerCase();
  if (wanted === '') return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of knownNames) {
    const distance = editDistance(wanted, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  return best && best.distance <= allowed && best.distance > 0 ? best.name : null;
}
