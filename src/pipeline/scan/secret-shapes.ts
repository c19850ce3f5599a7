/**
 * Secret shapes by kind, for the places gitleaks' exact rules (gitleaks-rules.json) miss a real
 * key because it sits in prose, in a URL or in a config line their context patterns do not
 * expect. Each kind is a structure, not a vendor: a new vendor's key of a known kind is caught
 * without a new entry. Found by held-out pastes the rules were not tuned on (issue 11):
 * a Stripe key followed by `:` in a curl line, a Slack `xoxe-` token of another length, a
 * Discord webhook URL, a Django `SECRET_KEY`, a Mapbox `sk.` token, a Confluent key pair and a
 * Heroku key written in a sentence.
 */
import type { SecretRule } from './secrets.js';

/**
 * gitleaks ends most token patterns with `(?:[\x60'"\s;]|\\[nr]|$)`, so a key followed by `:`
 * (`curl -u sk_test_…:`), `,`, `)` or `&` goes unseen. The same end, with every character that
 * cannot be part of a token.
 */
export const GITLEAKS_VALUE_END = String.raw`(?:[\x60'"\s;]|\\[nr]|$)`;
export const VALUE_END = String.raw`(?:[^A-Za-z0-9_+/=.-]|\\[nr]|$)`;

/** gitleaks keywords that are a token's literal prefix (`shpat_`, `xoxe-`), not a word of prose. */
export function isTokenPrefix(keyword: string): boolean {
  return (
    keyword.length >= 4 &&
    /^[a-z0-9]+[a-z0-9.]*[_.-][a-z0-9_.-]*$/.test(keyword) &&
    !/\.com$|__|contribsys/.test(keyword) &&
    // Words and phrases people write: `secret_key`, `test_`, `new-relic`, `linked_in`.
    !/^(?:live|test|api|ext|secret|private|linked|new|message|administrator|co_api)[_.-]|_key$|_pub$/.test(
      keyword,
    )
  );
}

/** Prefixes of well-known tokens that gitleaks matches only at exact lengths or not at all. */
const EXTRA_PREFIXES = [
  'sk-proj-',
  'sk-svcacct-',
  'sk-admin-',
  'xoxb-',
  'xoxa-',
  'xoxr-',
  'xoxs-',
  'sk.eyj', // Mapbox secret tokens; pk. tokens are public by design
  'dp.st.',
  'dp.ct.',
  'dp.sa.',
  'ya29.',
  'sntrys_',
  'sntryu_',
  'hf_',
  'dckr_pat_',
  'dckr_oat_',
  'tskey-',
  'atatt3',
  'xkeysib-',
  'shpss_',
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One rule for every known token prefix: the prefix followed by at least 16 token characters
 * with letters and digits, whatever the exact length. A vendor changing its token length, or a
 * paste that truncates it, still stops the build.
 */
export function prefixRule(keywords: readonly string[]): SecretRule {
  const prefixes = [...new Set([...keywords.filter(isTokenPrefix), ...EXTRA_PREFIXES])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex);
  return {
    id: 'incidentpost/known-token-prefix',
    description: 'a token with a known vendor prefix',
    regex: String.raw`(?<![A-Za-z0-9_])((?:${prefixes.join('|')})[A-Za-z0-9_\-.]{16,400})`,
    flags: 'i',
    entropy: 3,
    mix: 2,
    generic: true,
    keywords: [],
  };
}

/** Names of settings that hold a secret, as they appear in code, config and env files. */
const SECRET_NAME = String.raw`[A-Za-z0-9_.-]*(?:secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|signing[_-]?key|credentials?|auth[_-]?key)[A-Za-z0-9_.-]*`;

export const SHAPE_RULES: SecretRule[] = [
  {
    // curl -u and copied request headers: base64 of user:password.
    id: 'incidentpost/basic-auth-header',
    description: 'HTTP basic credentials',
    regex: String.raw`\bAuthorization["']?[ \t]*:[ \t]*["']?Basic[ \t]+([A-Za-z0-9+/]{8,}={0,2})`,
    flags: 'i',
    entropy: 3,
    generic: true,
    keywords: ['basic'],
  },
  {
    // gitleaks' generic rule allows only [\w.=-] in the value; a Django SECRET_KEY has !@#$%^&*(.
    id: 'incidentpost/quoted-secret-setting',
    description: 'a quoted value assigned to a secret-named setting',
    regex: String.raw`\b${SECRET_NAME}["']?[ \t]*(?::=|=>|[:=])[ \t]*(["'\x60])([^"'\x60\s]{12,300})\1`,
    flags: 'i',
    secretGroup: 2,
    entropy: 3.5,
    generic: true,
    keywords: ['secret', 'token', 'key', 'credential', 'auth'],
  },
  {
    // An unquoted value of a secret-named setting in YAML, .env, a header or a flag
    // (`auth_token: e9fd…`, `DD-API-KEY: a32d…`, `--authkey=…`). Digits and entropy keep
    // names and words (`secret_name: prod-db-credentials`) out.
    id: 'incidentpost/secret-setting',
    description: 'a value assigned to a secret-named setting',
    regex: String.raw`(?<![A-Za-z0-9])-{0,2}${SECRET_NAME}["']?[ \t]*(?::=|=>|[:=])[ \t]*(?!["'\x60])([A-Za-z0-9+/=_~.-]{16,300})(?![A-Za-z0-9+/=_~.-])`,
    flags: 'i',
    // A 32-digit hex key has at most 4 bits per character and often under 3.5.
    entropy: 3,
    digits: 3,
    // Code, not a value: `credential = workloadIdentity.fromX509(`.
    except: String.raw`^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$`,
    generic: true,
    keywords: ['secret', 'token', 'key', 'credential', 'auth'],
  },
  {
    // A vendor prefix nobody listed yet: a short lower-case prefix and a long random run with
    // upper and lower case and digits (`hf_…`, `dckr_pat_…`, `tskey-auth-…`). Ids such as
    // Stripe's `pi_…` are shorter than 30 characters.
    id: 'incidentpost/prefixed-random-token',
    description: 'a token with a vendor-style prefix',
    regex: String.raw`(?<![A-Za-z0-9_-])((?:[a-z]{2,8}[_-]){1,3}[A-Za-z0-9_-]{30,300})(?![A-Za-z0-9_-])`,
    entropy: 4.2,
    mix: 3,
    generic: true,
    keywords: [],
  },
  {
    // Bot APIs that take the token in the path (Telegram: /bot<id>:<secret>/).
    id: 'incidentpost/bot-token-in-path',
    description: 'a bot token in a URL path',
    regex: String.raw`\/bot(\d{6,12}:[A-Za-z0-9_-]{30,})`,
    generic: true,
    keywords: ['/bot'],
  },
  {
    // Chat and CI webhooks carry their credential in the path (Discord, Teams, Google Chat, ...).
    id: 'incidentpost/webhook-url',
    description: 'a webhook URL with its secret path',
    regex: String.raw`\bhttps?:\/\/[^\s/]+\/[^\s]*?\bwebhook[a-z0-9]*\/[^\s]*?([A-Za-z0-9_-]{24,200})(?=[^A-Za-z0-9_-]|$)`,
    flags: 'i',
    entropy: 3.5,
    mix: 2,
    generic: true,
    keywords: ['webhook'],
  },
  {
    // Signed URLs and API calls pasted from a terminal: ?api_key=…, &sig=…, &access_token=….
    id: 'incidentpost/url-query-secret',
    description: 'a secret in a URL query',
    regex: String.raw`[?&](?:api[_-]?key|apikey|key|token|access[_-]?token|auth|secret|client[_-]?secret|sig|signature|password|pwd)=([A-Za-z0-9_.~+/%=-]{16,400})`,
    flags: 'i',
    entropy: 3.5,
    mix: 2,
    generic: true,
    keywords: ['?', '&'],
  },
  {
    // "API key ABCD… secret 9xK…", "the token is 9xK…": a long, mixed-case token right after
    // the word that names it. Mixed case and digits keep hashes, ids and words out.
    id: 'incidentpost/named-token-in-prose',
    description: 'a key, secret or token written in a sentence',
    regex: String.raw`\b(?:api[ _-]?key|secret(?:[ _-]?key)?|access[ _-]?(?:key|token)|token|password|credential|client[ _-]?secret)s?\b[^\n]{0,30}?(?<![A-Za-z0-9_+/=-])([A-Za-z0-9_+/-]{24,400}={0,2})(?![A-Za-z0-9_+/=-])`,
    flags: 'i',
    entropy: 4,
    mix: 3,
    generic: true,
    keywords: ['key', 'secret', 'token', 'password', 'credential'],
  },
  {
    // A UUID is an id far more often than a key (Heroku API keys are UUIDs), so only one
    // written straight after "API key", "secret" or "token".
    id: 'incidentpost/named-uuid-key',
    description: 'a UUID given as an API key, secret or token',
    regex: String.raw`\b(?:api[ _-]?key|secret(?:[ _-]?key)?|(?:access|auth|api)[ _-]?token|password)\b["']?[ \t]*(?:is|was|[:=]|-|—)?[ \t]*["'\x60]?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`,
    flags: 'i',
    generic: true,
    keywords: ['key', 'secret', 'token', 'password'],
  },
];
