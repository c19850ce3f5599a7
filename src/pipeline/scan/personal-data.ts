/**
 * Personal and internal data that should not reach a public page: e-mail addresses, phone
 * numbers (libphonenumber-js), private IP addresses, internal host names, chat user ids, card
 * numbers (Luhn) and national id numbers. A pure function of text, like the secret scanner, so
 * the build and a browser page warn alike. These are warnings by default (`privacy` in the
 * config): a postmortem may rightly name a public support address.
 */
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { lineStarts, position } from './text-positions.js';

export type PersonalDataKind =
  | 'email'
  | 'phone'
  | 'private-ip'
  | 'internal-host'
  | 'chat-user-id'
  | 'card-number'
  | 'national-id';

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** What was found, in words. */
  description: string;
  /** The text as written. */
  value: string;
  /** 1-based line and column. */
  line: number;
  column: number;
}

/** RFC 2606 / 6761 names reserved for documentation are never anyone's address. */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|net|org)|example|test|invalid|localhost)$/i;

const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@((?:[a-z0-9-]{1,63}\.)+[a-z]{2,24})(?![\w-])/gi;
const IPV4 =
  /(?<![\d.])(?:10\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])|192\.168|100\.(?:6[4-9]|[7-9]\d|1[01]\d|12[0-7]))\.\d{1,3}\.\d{1,3}(?![\d.]*\d)/g;
const IPV6_PRIVATE = /(?<![\w:])f[cd][0-9a-f]{2}:[0-9a-f:]{2,}(?![\w:])/gi;
const INTERNAL_HOST =
  /(?<![\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:internal|local|lan|corp|intranet|intra|localdomain|priv|home\.arpa)(?![\w-])/gi;
/** Slack (`U…`/`W…`, in mentions `<@U…>`) and Discord (`<@123…>`) user ids. */
const CHAT_USER_ID =
  /<@!?(?:[UW][A-Z0-9]{8,10}|\d{17,19})>|(?<![\w-])[UW](?=[A-Z0-9]*\d[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{8,10}(?![\w-])/g;
/** 13-19 digits in groups; card brands' prefixes (Visa, Mastercard, Amex, Discover, JCB). */
const CARD = /(?<![\d-])(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5)|35)\d{0,3}(?:[ -]?\d){9,15}(?![\d-])/g;
const US_SSN = /(?<![\d-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
const UK_NINO =
  /(?<![A-Z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Z0-9])/g;
const PHONE_WORD = /\b(?:call|phone|tel|mobile|cell|sms|whatsapp|pager|dial)\b/i;

/** The Luhn checksum (ISO/IEC 7812-1) that every card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Every piece of personal or internal data in `text`, in order. `allow` holds values meant to
 * be public (compared without case; a domain such as `@acme.com` allows every address there).
 */
export function scanPersonalData(
  text: string,
  options: { allow?: readonly string[] } = {},
): PersonalDataFinding[] {
  const allow = (options.allow ?? []).map((value) => value.toLowerCase());
  const isAllowed = (value: string) => {
    const lower = value.toLowerCase();
    return allow.some(
      (entry) => lower === entry || (entry.startsWith('@') && lower.endsWith(entry)),
    );
  };
  const raw: { kind: PersonalDataKind; description: string; start: number; value: string }[] = [];
  const add = (kind: PersonalDataKind, description: string, start: number, value: string) => {
    if (!isAllowed(value)) raw.push({ kind, description, start, value });
  };

  for (const m of text.matchAll(EMAIL))
    if (!RESERVED_DOMAIN.test(m[1] ?? '')) add('email', 'an e-mail address', m.index, m[0]);
  for (const m of text.matchAll(IPV4)) {
    if (m[0].split('.').every((part) => Number(part) <= 255))
      add('private-ip', 'a private IP address', m.index, m[0]);
  }
  for (const m of text.matchAll(IPV6_PRIVATE))
    add('private-ip', 'a private IPv6 address', m.index, m[0]);
  for (const m of text.matchAll(INTERNAL_HOST)) {
    // An e-mail domain was reported as the address already.
    if (text[m.index - 1] !== '@') add('internal-host', 'an internal host name', m.index, m[0]);
  }
  for (const m of text.matchAll(CHAT_USER_ID)) add('chat-user-id', 'a chat user id', m.index, m[0]);
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits))
      add('card-number', 'a payment card number', m.index, m[0]);
  }
  for (const m of text.matchAll(US_SSN))
    add('national-id', 'a US social security number', m.index, m[0]);
  for (const m of text.matchAll(UK_NINO))
    add('national-id', 'a UK national insurance number', m.index, m[0]);

  const taken = raw.map((r) => [r.start, r.start + r.value.length] as const);
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'US' })) {
    const value = text.slice(found.startsAt, found.endsAt);
    const lineStart = text.lastIndexOf('\n', found.startsAt) + 1;
    const lineEnd = text.indexOf('\n', found.endsAt);
    const line = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    // Bare digit runs are ids and counts far more often than phone numbers.
    if (/^\d+$/.test(value) && !PHONE_WORD.test(line)) continue;
    if (taken.some(([s, e]) => found.startsAt < e && found.endsAt > s)) continue;
    add('phone', 'a phone number', found.startsAt, value);
  }

  const starts = lineStarts(text);
  return raw
    .sort((a, b) => a.start - b.start)
    .map(({ kind, description, start, value }) => ({
      kind,
      description,
      value,
      ...position(starts, start),
    }));
}
