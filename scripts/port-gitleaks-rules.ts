/**
 * Ports gitleaks' default rule set (config/gitleaks.toml, MIT licence,
 * https://github.com/gitleaks/gitleaks) to the data file the secret scanner reads,
 * src/pipeline/scan/gitleaks-rules.json. Run it again to pick up new rules:
 *
 *   npm run build:cli && node build/scripts/port-gitleaks-rules.js path/to/gitleaks.toml COMMIT
 *
 * Go's RE2 syntax differs from JavaScript's in inline flags: `(?i)`, `(?i:…)`, `(?-i:…)` and
 * `(?s:…)`. Rather than rely on RegExp modifiers (missing before Node 23 and in older
 * browsers), case-insensitive parts are rewritten letter by letter (`a` → `[aA]`) and `\z`
 * becomes `$`, so every pattern compiles as a plain JavaScript regular expression with no
 * flags, unchanged in meaning.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'smol-toml';

interface TomlAllowlist {
  regexes?: string[];
  regexTarget?: string;
  stopwords?: string[];
  paths?: string[];
  path?: string;
  condition?: string;
}
interface TomlRule {
  id: string;
  description: string;
  regex?: string;
  entropy?: number;
  keywords?: string[];
  secretGroup?: number;
  path?: string;
  allowlists?: TomlAllowlist[];
}

const swapCase = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());
const isLetter = (c: string) => /^[a-z]$/i.test(c);

/** The body of a character class with both cases of every letter and letter range added. */
function foldClass(body: string): string {
  const extra: string[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '\\') {
      i++;
      continue;
    }
    if (body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== ']') {
      const end = body[i + 2] ?? '';
      if (isLetter(c) && isLetter(end) && swapCase(c) !== c)
        extra.push(`${swapCase(c)}-${swapCase(end)}`);
      i += 2;
      continue;
    }
    if (isLetter(c)) extra.push(swapCase(c));
  }
  // Added at the front (after a `^`), where a trailing `-` in the body cannot make a range.
  const negated = body.startsWith('^') ? '^' : '';
  return `${negated}${extra.join('')}${body.slice(negated.length)}`;
}

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  space: '\\s',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
};

/** The inline flags in force: RE2's `i` (case-insensitive) and `s` (`.` matches a newline). */
interface InlineFlags {
  ci: boolean;
  dotAll: boolean;
}

/** What one construct of the RE2 pattern becomes, and the index of its last character read. */
interface Translated {
  text: string;
  end: number;
}

/**
 * The escape at `i` (a backslash): `\z` and `\A` become `$` and `^`, `\x{263a}` becomes
 * `\u{263a}`, an escaped letter under `(?i)` both its cases (`[aA]`) unless it names a class
 * or a control character, anything else as written.
 */
function translateEscape(go: string, i: number, ci: boolean): Translated {
  const next = go[i + 1] ?? '';
  if (next === 'z') return { text: '$', end: i + 1 };
  if (next === 'A') return { text: '^', end: i + 1 };
  if (next === 'x' && go[i + 2] === '{') {
    const close = go.indexOf('}', i);
    return { text: `\\u{${go.slice(i + 3, close)}}`, end: close };
  }
  if (ci && isLetter(next) && !/[dDwWsSbBnrtfvxpP]/.test(next))
    return { text: `[${next}${swapCase(next)}]`, end: i + 1 };
  return { text: `\\${next}`, end: i + 1 };
}

/**
 * The character class opening at `i`: POSIX classes (`[[:alpha:]]`) spelt out, a leading `]`
 * and a nested `[` escaped, and under `(?i)` both cases of every letter (foldClass).
 */
function translateClass(go: string, i: number, ci: boolean): Translated {
  let j = i + 1;
  let body = '';
  if (go[j] === '^') {
    body += '^';
    j++;
  }
  if (go[j] === ']') {
    body += '\\]';
    j++;
  }
  while (j < go.length && go[j] !== ']') {
    if (go[j] === '\\') {
      body += go.slice(j, j + 2);
      j += 2;
    } else if (go.startsWith('[:', j)) {
      const close = go.indexOf(':]', j);
      const name = go.slice(j + 2, close);
      const mapped = POSIX[name];
      if (!mapped) throw new Error(`unknown POSIX class [:${name}:]`);
      body += mapped;
      j = close + 2;
    } else if (go[j] === '[') {
      body += '\\[';
      j++;
    } else {
      body += go[j];
      j++;
    }
  }
  return { text: `[${ci ? foldClass(body) : body}]`, end: j };
}

/**
 * The group opening at `i`. Inline flags (`(?i)`, `(?-i:`, `(?s:`) change the flags in force:
 * `(?i)` to the end of the enclosing group, `(?i:…)` within a group of its own, written
 * `(?:`. Named groups (`(?P<name>`) take JavaScript's spelling. Every group but `(?i)` pushes
 * the flags to restore on its `)` onto `stack`.
 */
function openGroup(
  go: string,
  i: number,
  flags: InlineFlags,
  stack: InlineFlags[],
): Translated & { flags: InlineFlags } {
  if (go[i + 1] !== '?') {
    stack.push(flags);
    return { text: '(', end: i, flags };
  }
  const inline = /^\(\?(-?)([is]+)([:)])/.exec(go.slice(i));
  if (inline) {
    const on = inline[1] !== '-';
    const value = (flag: string, current: boolean) =>
      (inline[2] ?? '').includes(flag) ? on : current;
    const next = { ci: value('i', flags.ci), dotAll: value('s', flags.dotAll) };
    const end = i + inline[0].length - 1;
    if (inline[3] === ')') return { text: '', end, flags: next };
    stack.push(flags);
    return { text: '(?:', end, flags: next };
  }
  stack.push(flags);
  const group = /^\(\?(?::|P?<\w+>|=|!|<=|<!)/.exec(go.slice(i));
  const head = group?.[0] ?? '(?:';
  return { text: head.replace('(?P<', '(?<'), end: i + head.length - 1, flags };
}

/** An RE2 pattern as a flag-free JavaScript pattern with the same meaning. */
export function toJavaScriptRegex(go: string): string {
  let out = '';
  // One entry per open group: its flags, restored on `)`.
  const stack: InlineFlags[] = [];
  let flags: InlineFlags = { ci: false, dotAll: false };
  for (let i = 0; i < go.length; i++) {
    const c = go[i] ?? '';
    const quantifier = c === '{' ? /^\{\d+(?:,\d*)?\}/.exec(go.slice(i))?.[0] : undefined;
    let step: Translated;
    if (c === '\\') step = translateEscape(go, i, flags.ci);
    else if (c === '[') step = translateClass(go, i, flags.ci);
    else if (c === '(') {
      const open = openGroup(go, i, flags, stack);
      flags = open.flags;
      step = open;
    } else if (c === ')') {
      flags = stack.pop() ?? flags;
      step = { text: ')', end: i };
    } else if (c === '.' && flags.dotAll) step = { text: '[\\s\\S]', end: i };
    else if (quantifier) step = { text: quantifier, end: i + quantifier.length - 1 };
    else if (c === '/') step = { text: '\\/', end: i };
    else step = { text: flags.ci && isLetter(c) ? `[${c}${swapCase(c)}]` : c, end: i };
    out += step.text;
    i = step.end;
  }
  return out;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function main(): void {
  const [file, commit] = process.argv.slice(2);
  if (!file || !commit) throw new Error('usage: port-gitleaks-rules.js GITLEAKS_TOML COMMIT');
  const toml = parse(readFileSync(file, 'utf8')) as unknown as {
    allowlist: { regexes: string[]; stopwords: string[] };
    rules: TomlRule[];
  };
  const skipped: string[] = [];
  const rules = toml.rules.flatMap((rule) => {
    // Rules that only look at file names (a .p12 file, a .pem path) cannot apply to text.
    if (!rule.regex) {
      skipped.push(`${rule.id} (matches paths only)`);
      return [];
    }
    const regex = toJavaScriptRegex(rule.regex);
    if (!compiles(regex)) {
      skipped.push(`${rule.id} (does not compile)`);
      return [];
    }
    const allowlists = (rule.allowlists ?? [])
      .filter((list) => !list.path && !list.paths)
      .map((list) => ({
        target: list.regexTarget ?? 'secret',
        regexes: (list.regexes ?? []).map(toJavaScriptRegex),
        stopwords: list.stopwords ?? [],
      }));
    return [
      {
        id: rule.id,
        description: rule.description,
        regex,
        ...(rule.entropy ? { entropy: rule.entropy } : {}),
        ...(rule.secretGroup ? { secretGroup: rule.secretGroup } : {}),
        keywords: rule.keywords ?? [],
        ...(allowlists.length ? { allowlists } : {}),
      },
    ];
  });
  const data = {
    source: `https://github.com/gitleaks/gitleaks/blob/${commit}/config/gitleaks.toml`,
    licence: 'MIT, Copyright (c) 2019 Zachary Rice',
    generatedBy: 'scripts/port-gitleaks-rules.ts',
    skipped,
    allowlist: {
      regexes: toml.allowlist.regexes.map(toJavaScriptRegex),
      stopwords: toml.allowlist.stopwords,
    },
    rules,
  };
  writeFileSync(
    new URL('../../src/pipeline/scan/gitleaks-rules.json', import.meta.url),
    `${JSON.stringify(data, null, 1)}\n`,
  );
  process.stdout.write(`${rules.length} rules ported, ${skipped.length} skipped\n`);
  for (const line of skipped) process.stdout.write(`  skipped ${line}\n`);
}

main();
