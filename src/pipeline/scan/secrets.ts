/**
 * The secret scanner: a pure function of text, with no file system and no Node-only module, so
 * `check`, `build`, the generated-text scan and a browser page run the very same rules.
 *
 * Rules: gitleaks' default rule set, ported as data (gitleaks-rules.json, see
 * scripts/port-gitleaks-rules.ts for the source commit), plus a few shapes it misses in prose:
 * a URL with a password (any user, even empty), an AWS secret key written after its key id,
 * `password: value` lines, bearer tokens and a private-key header whose body was cut off.
 * Every rule also runs on the text with zero-width characters removed, on tokens a line break
 * split in two, and on base64 that decodes to text. Placeholders (`<redacted>`, `***`, `xxxx`,
 * `REDACTED`, `${VAR}`) never count. Comments in the text cannot switch the scan off; the one
 * way to accept a hit is an allowlist entry by rule and fingerprint (incidentpost.config.json).
 */
import gitleaks from './gitleaks-rules.json' with { type: 'json' };
import { GITLEAKS_VALUE_END, prefixRule, SHAPE_RULES, VALUE_END } from './secret-shapes.js';
import { lineStarts, position } from './text-positions.js';

export interface SecretRule {
  id: string;
  description: string;
  /** A JavaScript pattern without flags (or with `flags`). */
  regex: string;
  flags?: string;
  /** Minimum Shannon entropy (bits per character) of the secret. */
  entropy?: number;
  /** Which capture group is the secret; default the first non-empty one, else the whole match. */
  secretGroup?: number;
  /** The secret must mix at least this many of lower case, upper case and digits. */
  mix?: number;
  /** The secret must hold at least this many digits. */
  digits?: number;
  /** A pattern for values this rule must not take (code, ids). */
  except?: string;
  /** A rule for a kind of secret rather than one vendor's: a specific rule's hit wins over it. */
  generic?: boolean;
  /** The rule only runs on text that contains one of these (lower case); none: always. */
  keywords: string[];
  allowlists?: { target: string; regexes: string[]; stopwords: string[] }[];
}

/** Shapes gitleaks misses in prose, found by the attack run on this tool (issue 11). */
const OWN_RULES: SecretRule[] = [
  {
    id: 'incidentpost/url-password',
    description: 'a URL with an inline password',
    regex: String.raw`\b[a-z][a-z0-9+.-]{1,20}:\/\/([^\s:/@]{0,100}):([^\s@/]{1,200})@[^\s/?#]+`,
    flags: 'i',
    secretGroup: 2,
    keywords: ['://'],
  },
  {
    id: 'incidentpost/private-key-header',
    description: 'the start of a private key',
    regex: String.raw`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`,
    keywords: ['private key'],
  },
  {
    // The key id alone is caught by gitleaks' aws-access-token; its secret key in prose
    // ("AKIA… with secret wJal…") has no assignment for the generic rule to see.
    id: 'incidentpost/aws-secret-access-key',
    description: 'an AWS secret access key',
    regex: String.raw`(?:aws|secret|akia|asia)[^\n]{0,60}?(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])`,
    flags: 'i',
    // A hex commit hash is 40 characters too, but never reaches this (and has no upper case).
    entropy: 4.2,
    keywords: ['aws', 'secret', 'akia', 'asia'],
  },
  {
    // Passwords are short and low in entropy, so the generic rule's entropy test misses them;
    // a value with a digit or symbol after "password:" is taken for one.
    id: 'incidentpost/password-assignment',
    description: 'a password',
    regex: String.raw`(?<![a-z])(?:passw(?:or)?d|passwd|pwd|passphrase)s?\b["']?(?:[ \t]+[\w-]+){0,6}?[ \t]{0,3}(?:[:=]|\bis\b|\bwas\b|\bset to\b)[ \t]{0,3}["'\x60]?((?=[^\s"'\x60,;]*[\d\W_])[^\s"'\x60,;]{6,200})`,
    flags: 'i',
    keywords: ['passw', 'pwd', 'passphrase'],
  },
  {
    id: 'incidentpost/bearer-token',
    description: 'a bearer token',
    regex: String.raw`\bBearer[ \t]+([A-Za-z0-9._~+/-]{20,}=*)`,
    flags: 'i',
    entropy: 3.5,
    keywords: ['bearer'],
  },
  {
    id: 'incidentpost/datadog-api-key',
    description: 'a Datadog API or application key',
    regex: String.raw`\b(?:DD|DATADOG)_(?:API|APP|APPLICATION)_KEY["']?[ \t]*[:=][ \t]*["']?([a-f0-9]{32,40})\b`,
    flags: 'i',
    keywords: ['dd_', 'datadog_'],
  },
];

/** Words people write instead of a secret: a value containing one is not a secret. */
const PLACEHOLDER_WORD =
  /redacted|removed|\.{3}|…|changeme|example|placeholder|your[-_]?(?:key|token|secret|password)/i;
/**
 * Marks that stand for a secret (`<token>`, `***`, `xxxx`, `${VAR}`, `{{ secret }}`). A value is a
 * placeholder when little is left without them: `sk_live_xxxx` is, a Django key that happens to
 * hold `$x` is not.
 */
const PLACEHOLDER_MARK = /<[^<>]*>|\*{3,}|x{4,}|\$\{?[A-Z_][A-Z0-9_]*\}?|\{\{[^}]*\}\}/gi;

function isPlaceholder(secret: string): boolean {
  if (PLACEHOLDER_WORD.test(secret)) return true;
  const rest = secret.replace(PLACEHOLDER_MARK, '');
  return rest.length < secret.length && rest.replace(/[^A-Za-z0-9]/g, '').length < 12;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

export interface SecretFinding {
  rule: string;
  description: string;
  /** 1-based line and column in the scanned text. */
  line: number;
  column: number;
  /** The secret's first characters and its length; the secret itself is never printed. */
  preview: string;
  /** Stable id of this secret under this rule, for the allowlist (FNV-1a 64, hex). */
  fingerprint: string;
  /** How it was hidden, when it was: `zero-width characters`, `split over two lines`, `base64`. */
  hidden?: string;
}

export interface SecretAllow {
  rule: string;
  fingerprint: string;
}

interface CompiledRule extends SecretRule {
  pattern: RegExp;
  exceptPattern?: RegExp;
  allow: { target: string; regexes: RegExp[]; stopwords: string[] }[];
  /** Rules that need an assignment or a keyword near the value; not used on joined lines. */
  generic: boolean;
}

let compiled: CompiledRule[] | null = null;
let globalAllow: RegExp[] = [];

function rules(): CompiledRule[] {
  if (compiled) return compiled;
  globalAllow = gitleaks.allowlist.regexes.map((r) => new RegExp(r));
  const ported = (gitleaks.rules as SecretRule[]).map((rule) => ({
    ...rule,
    regex: rule.regex.split(GITLEAKS_VALUE_END).join(VALUE_END),
  }));
  const all: SecretRule[] = [
    ...OWN_RULES,
    ...ported,
    // A known prefix says more than a kind of secret does, so it names the finding first.
    prefixRule(ported.flatMap((rule) => rule.keywords)),
    ...SHAPE_RULES,
  ];
  compiled = all.map((rule) => ({
    ...rule,
    pattern: new RegExp(rule.regex, `g${rule.flags ?? ''}`),
    ...(rule.except ? { exceptPattern: new RegExp(rule.except) } : {}),
    allow: (rule.allowlists ?? []).map((list) => ({
      ...list,
      regexes: list.regexes.map((r) => new RegExp(r)),
    })),
    generic: rule.generic ?? /generic|password-assignment|aws-secret-access-key/.test(rule.id),
  }));
  // Specific rules first, so an overlapping generic hit is the one dropped.
  compiled.sort((a, b) => Number(a.generic) - Number(b.generic));
  return compiled;
}

/** The rules the scanner runs: ids and descriptions, for documentation and tests. */
export function secretRules(): { id: string; description: string }[] {
  return rules().map(({ id, description }) => ({ id, description }));
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** How many of lower case, upper case and digits `value` has (0-3). */
function characterClasses(value: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(value)).length;
}

/** FNV-1a, 64 bits, as 16 hex digits: stable across runtimes, sync, no crypto module. */
export function fingerprintOf(rule: string, secret: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(`${rule}\0${secret}`)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

function secretOf(match: RegExpExecArray, rule: SecretRule): string {
  if (rule.secretGroup) return match[rule.secretGroup] ?? match[0];
  return match.slice(1).find((group) => group) ?? match[0];
}

/** Keys that are public by design: publishable payment keys, Mapbox public tokens, SSH public keys. */
const PUBLIC_BY_DESIGN = /^(?:pk_(?:live|test)_|pk\.eyJ|ssh-(?:rsa|ed25519|dss) |ecdsa-sha2-)/;

function allowed(rule: CompiledRule, secret: string, match: string, line: string): boolean {
  if (isPlaceholder(secret) || PUBLIC_BY_DESIGN.test(secret)) return true;
  if (globalAllow.some((r) => r.test(secret))) return true;
  const lower = secret.toLowerCase();
  if (gitleaks.allowlist.stopwords.some((word) => lower.includes(word))) return true;
  return rule.allow.some((list) => {
    const target = list.target === 'match' ? match : list.target === 'line' ? line : secret;
    return (
      list.regexes.some((r) => r.test(target)) ||
      list.stopwords.some((word) => lower.includes(word.toLowerCase()))
    );
  });
}

interface RawHit {
  rule: CompiledRule;
  start: number;
  end: number;
  secret: string;
}

/** The three UTF-16 code units of `text` at `at` as one number. */
function trigram(text: string, at: number): number {
  return (
    text.charCodeAt(at) * 2 ** 32 + text.charCodeAt(at + 1) * 2 ** 16 + text.charCodeAt(at + 2)
  );
}

/** Every three consecutive code units of `text` (trigram()). */
function trigrams(text: string): Set<number> {
  const found = new Set<number>();
  for (let at = 0; at + 3 <= text.length; at++) found.add(trigram(text, at));
  return found;
}

/** Every rule's hits in `text`, offsets into `text`. */
function matchRules(text: string, only: (rule: CompiledRule) => boolean = () => true): RawHit[] {
  const lower = text.toLowerCase();
  // Each keyword is looked for once per text (the rule for known prefixes repeats every
  // vendor's keywords), and only when the text has its first three characters together: a
  // search through the text for each of 250 keywords was most of scanning a generated pack.
  const present = new Map<string, boolean>();
  let starts: Set<number> | null = null;
  const has = (keyword: string): boolean => {
    let found = present.get(keyword);
    if (found === undefined) {
      if (keyword.length >= 3) starts ??= trigrams(lower);
      found =
        (keyword.length < 3 || starts?.has(trigram(keyword, 0)) === true) &&
        lower.includes(keyword);
      present.set(keyword, found);
    }
    return found;
  };
  const hits: RawHit[] = [];
  for (const rule of rules()) {
    if (!only(rule)) continue;
    if (rule.keywords.length && !rule.keywords.some(has)) continue;
    rule.pattern.lastIndex = 0;
    for (const match of text.matchAll(rule.pattern)) {
      const secret = secretOf(match, rule);
      if (rule.entropy && shannonEntropy(secret) < rule.entropy) continue;
      if (rule.mix && characterClasses(secret) < rule.mix) continue;
      if (rule.digits && (secret.match(/\d/g)?.length ?? 0) < rule.digits) continue;
      if (rule.exceptPattern?.test(secret)) continue;
      const lineStart = text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = text.indexOf('\n', match.index + match[0].length);
      const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
      if (allowed(rule, secret, match[0], line)) continue;
      const offset = match[0].indexOf(secret);
      const start = match.index + Math.max(0, offset);
      hits.push({ rule, start, end: start + secret.length, secret });
    }
  }
  return hits;
}

/** `text` with some characters removed, and where each remaining character came from. */
interface Derived {
  text: string;
  origin: number[];
}

/** Whether a text has any character ZERO_WIDTH removes (most have none). */
const ANY_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;

function withoutZeroWidth(text: string): Derived {
  if (!ANY_ZERO_WIDTH.test(text)) {
    const origin: number[] = [];
    for (let i = 0; i <= text.length; i++) origin.push(i);
    return { text, origin };
  }
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    ZERO_WIDTH.lastIndex = 0;
    if (ZERO_WIDTH.test(c)) continue;
    out += c;
    origin.push(i);
  }
  origin.push(text.length);
  return { text: out, origin };
}

/** A line that ends in a token fragment (with a digit: words are not tokens) and a line that goes on with one. */
const TOKEN_END = /(?=[A-Za-z0-9_+/=.-]*\d)[A-Za-z0-9_+/=.-]{6,}$/;
const TOKEN_START = /^\s*[A-Za-z0-9_+/=.-]{4}/;

/** Hits for tokens a line break split: each such pair of lines joined, hits across the join kept. */
function splitTokenHits(clean: Derived): { hit: RawHit; origin: number }[] {
  const found: { hit: RawHit; origin: number }[] = [];
  const lines = clean.text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const first = lines[i] ?? '';
    const second = lines[i + 1] ?? '';
    const secondStart = offset + first.length + 1;
    if (TOKEN_END.test(first.trimEnd()) && TOKEN_START.test(second)) {
      const head = first.trimEnd();
      const tail = second.trimStart();
      const joined = `${head}${tail}`;
      for (const hit of matchRules(joined, (rule) => !rule.generic)) {
        if (hit.start < head.length && hit.end > head.length)
          found.push({ hit, origin: clean.origin[offset + hit.start] ?? 0 });
      }
    }
    offset = secondStart;
  }
  return found;
}

const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{24,}={0,2}(?![A-Za-z0-9+/=_-])/g;

function decodeBase64(run: string): string | null {
  const standard = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (standard.length % 4 === 1) return null;
  try {
    const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
    // Only text is worth scanning: keys are printable.
    let printable = 0;
    for (const c of binary) if (/[\x20-\x7e\t\n\r]/.test(c)) printable++;
    return printable >= binary.length * 0.95 && binary.length >= 16 ? binary : null;
  } catch {
    return null;
  }
}

function preview(secret: string): string {
  const head = Array.from(secret).slice(0, 4).join('');
  return `${head}… (${secret.length} characters)`;
}

/**
 * Every secret in `text`, in order of position; one finding per place (the most specific
 * rule wins). `allow` entries (rule + fingerprint) are left out.
 */
export function scanSecrets(
  text: string,
  options: { allow?: readonly SecretAllow[] } = {},
): SecretFinding[] {
  const clean = withoutZeroWidth(text);
  const candidates: { hit: RawHit; origin: number; end: number; hidden?: string }[] = [];
  for (const hit of matchRules(clean.text)) {
    const origin = clean.origin[hit.start] ?? 0;
    const end = clean.origin[hit.end] ?? text.length;
    const hidden = end - origin !== hit.end - hit.start ? 'zero-width characters' : undefined;
    candidates.push({ hit, origin, end, ...(hidden ? { hidden } : {}) });
  }
  for (const { hit, origin } of splitTokenHits(clean))
    candidates.push({ hit, origin, end: origin + 1, hidden: 'split over two lines' });
  for (const run of clean.text.matchAll(BASE64_RUN)) {
    const decoded = decodeBase64(run[0]);
    if (!decoded) continue;
    for (const hit of matchRules(decoded)) {
      const origin = clean.origin[run.index] ?? 0;
      candidates.push({
        hit,
        origin,
        end: clean.origin[run.index + run[0].length] ?? text.length,
        hidden: 'base64',
      });
    }
  }
  // A vendor's own rule names a place before a rule for a kind of secret does.
  candidates.sort((a, b) => Number(a.hit.rule.generic) - Number(b.hit.rule.generic));
  const allow = new Set((options.allow ?? []).map((a) => `${a.rule}\0${a.fingerprint}`));
  const starts = lineStarts(text);
  const taken: [number, number][] = [];
  const findings: (SecretFinding & { offset: number })[] = [];
  for (const { hit, origin, end, hidden } of candidates) {
    if (taken.some(([s, e]) => origin < e && end > s)) continue;
    const fingerprint = fingerprintOf(hit.rule.id, hit.secret);
    taken.push([origin, Math.max(end, origin + 1)]);
    if (allow.has(`${hit.rule.id}\0${fingerprint}`)) continue;
    findings.push({
      rule: hit.rule.id,
      description: hit.rule.description,
      ...position(starts, origin),
      preview: preview(hit.secret),
      fingerprint,
      ...(hidden ? { hidden } : {}),
      offset: origin,
    });
  }
  findings.sort((a, b) => a.offset - b.offset);
  return findings.map((finding) => {
    const { offset, ...rest } = finding;
    void offset;
    return rest;
  });
}
