import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { FrontMatterSchema, type FrontMatter } from '../../schemas/front-matter.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { issuePath, parseWithDiagnostics } from '../schema-diagnostics.js';

const KNOWN_KEYS = Object.keys(FrontMatterSchema.shape);

/** Edit distance, for "did you mean" hints on misspelt keys. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The known keys as teams write them in the languages time.ts reads (French, Spanish, Portuguese,
 * Italian, German, Dutch): read as the known key, with a warning that names it, so a Dutch
 * `titel:` or `tijdzone:` is neither ignored nor fatal. Edit distance would miss most of these
 * (`fuseau` is nothing like `timezone`).
 */
const KEYS_IN_OTHER_LANGUAGES: Readonly<Record<string, string>> = {
  titel: 'title',
  titre: 'title',
  título: 'title',
  titulo: 'title',
  titolo: 'title',
  datum: 'date',
  fecha: 'date',
  tijdzone: 'timezone',
  zeitzone: 'timezone',
  fuseau: 'timezone',
  fuseau_horaire: 'timezone',
  zona_horaria: 'timezone',
  fuso_horário: 'timezone',
  fuso_horario: 'timezone',
  fuso_orario: 'timezone',
  schweregrad: 'severity',
  gravité: 'severity',
  gravite: 'severity',
  severidad: 'severity',
  gravidade: 'severity',
  gravità: 'severity',
  diensten: 'services',
  dienste: 'services',
  servicios: 'services',
  serviços: 'services',
  servizi: 'services',
  auteurs: 'authors',
  autoren: 'authors',
  autores: 'authors',
  autori: 'authors',
};

/** The known key a key in another language names (`tijdzone` → `timezone`), or null. */
export function keyInOtherLanguage(key: string): string | null {
  const known = KEYS_IN_OTHER_LANGUAGES[key.toLowerCase().replace(/[\s-]+/g, '_')];
  return known && KNOWN_KEYS.includes(known) ? known : null;
}

/** The known key nearest to a misspelt one (`severty` → `severity`), or null. */
export function nearestKey(key: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of KNOWN_KEYS) {
    const d = distance(key.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : null;
}

/**
 * YAML notices an unclosed quote or bracket where the file ends, not where it opened; point
 * at the line that opened it, which is where the fix goes.
 */
function openingOf(
  yaml: string,
  noticed: { line: number; col: number },
): { line: number; col: number } {
  const lines = yaml.split('\n');
  for (let i = Math.min(noticed.line, lines.length) - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const quotes = (line.match(/"/g) ?? []).length;
    const brackets = (line.match(/[[{]/g) ?? []).length - (line.match(/[\]}]/g) ?? []).length;
    if (quotes % 2 === 1 || brackets > 0)
      return { line: i + 1, col: Math.max(1, line.search(/["[{]/) + 1) };
  }
  return noticed;
}

/**
 * Reads the YAML front matter. Problems point at the offending key's line, so
 * `incidents/x.md:4:1: error: ...` lands the editor on the right spot.
 */
export function parseFrontMatter(
  file: string,
  yaml: string,
  firstLine: number,
): { value: FrontMatter; diagnostics: Diagnostic[]; keyLines: Map<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  const keyLines = new Map<string, number>();
  // What a person can still read line by line (`key: value`, `- item`) is read, with a warning.
  const lenient = doc.errors.length > 0 ? readLineByLine(yaml, firstLine) : null;
  for (const problem of doc.errors) {
    const pos = openingOf(yaml, lineCounter.linePos(problem.pos[0]));
    const make = lenient ? warning : error;
    diagnostics.push(
      make(
        'front-matter/yaml',
        file,
        { line: firstLine + pos.line - 1, column: pos.col },
        `front matter is not valid YAML (${problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')})${lenient ? '; read line by line' : ''}`,
        'check indentation and quoting; values containing ": " need quotes, e.g. title: "DB down: part 2"',
      ),
    );
  }
  if (lenient) return validated(file, lenient.value, lenient.keyLines, firstLine, diagnostics);
  if (diagnostics.length > 0) return { value: {}, diagnostics, keyLines };
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        keyLines.set(
          String(pair.key.value),
          firstLine + lineCounter.linePos(pair.key.range[0]).line - 1,
        );
      }
    }
  } else if (doc.contents !== null) {
    diagnostics.push(
      error(
        'front-matter/not-a-map',
        file,
        { line: firstLine },
        'front matter must be a list of `key: value` fields',
        'write fields such as `title: Database outage` between the two `---` lines',
      ),
    );
    return { value: {}, diagnostics, keyLines };
  }
  let plain: unknown;
  try {
    // The yaml package refuses alias bombs (`a: &a [..]`, `b: [*a, *a, ...]`) by throwing.
    plain = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (cause) {
    diagnostics.push(
      error(
        'front-matter/yaml',
        file,
        { line: firstLine },
        `front matter could not be read (${cause instanceof Error ? cause.message : String(cause)})`,
        'write plain `key: value` fields; YAML anchors and aliases (&name, *name) are not needed here',
      ),
    );
    return { value: {}, diagnostics, keyLines };
  }
  return validated(file, plain as Record<string, unknown>, keyLines, firstLine, diagnostics);
}

/**
 * Front matter that is not valid YAML but reads plainly line by line, as a person reads it:
 * top-level `key: value` lines (quotes around the whole value dropped) and `- item` lines under
 * a key with no value. Null when a line is anything else (an unclosed quote, a nested mapping),
 * so what cannot be read either is still an error.
 */
function readLineByLine(
  yaml: string,
  firstLine: number,
): { value: Record<string, unknown>; keyLines: Map<string, number> } | null {
  const value: Record<string, unknown> = {};
  const keyLines = new Map<string, number>();
  let list: string[] | null = null;
  const unquote = (text: string): string => {
    const quoted = /^(["'])(.*)\1$/.exec(text);
    return quoted && !quoted[2]?.includes(quoted[1] ?? '') ? (quoted[2] ?? '') : text;
  };
  const balanced = (text: string): boolean =>
    (text.match(/"/g) ?? []).length % 2 === 0 && (text.match(/^'|'$/g) ?? []).length % 2 === 0;
  const lines = yaml.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const item = /^\s+-\s+(.*)$|^-\s+(.*)$/.exec(line);
    if (item && list) {
      const text = (item[1] ?? item[2] ?? '').trim();
      if (!balanced(text)) return null;
      list.push(unquote(text));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!pair?.[1]) return null;
    const text = (pair[2] ?? '').trim();
    if (!balanced(text)) return null;
    keyLines.set(pair[1], firstLine + index);
    if (text === '') {
      list = [];
      value[pair[1]] = list;
    } else {
      list = null;
      value[pair[1]] = unquote(text);
    }
  }
  return Object.keys(value).length > 0 ? { value, keyLines } : null;
}

/**
 * Renames, in place, each key written in another language (`titel`, `tijdzone`) to the field it
 * names (KEYS_IN_OTHER_LANGUAGES), with a warning saying to rename it; a key whose field is also
 * written stays as it is (and is warned about as unknown).
 */
function translateKeys(
  file: string,
  raw: Record<string, unknown>,
  keyLines: Map<string, number>,
  firstLine: number,
  diagnostics: Diagnostic[],
): void {
  for (const [key, value] of Object.entries(raw)) {
    const line = keyLines.get(key) ?? firstLine;
    const translated = KNOWN_KEYS.includes(key) ? null : keyInOtherLanguage(key);
    if (!translated || raw[translated] !== undefined) continue;
    raw[translated] = value;
    delete raw[key];
    keyLines.set(translated, line);
    diagnostics.push(
      warning(
        'front-matter/unknown-key',
        file,
        { line },
        `front matter field "${key}" read as "${translated}"`,
        `rename it to ${translated}`,
      ),
    );
  }
}

function validated(
  file: string,
  raw: Record<string, unknown>,
  keyLines: Map<string, number>,
  firstLine: number,
  diagnostics: Diagnostic[],
): { value: FrontMatter; diagnostics: Diagnostic[]; keyLines: Map<string, number> } {
  translateKeys(file, raw, keyLines, firstLine, diagnostics);
  for (const [key, value] of Object.entries(raw)) {
    const line = keyLines.get(key) ?? firstLine;
    if (!KNOWN_KEYS.includes(key)) {
      const near = nearestKey(key);
      diagnostics.push(
        warning(
          'front-matter/unknown-key',
          file,
          { line },
          `unknown front matter field "${key}"${near ? `; did you mean "${near}"?` : ''}`,
          near
            ? `rename it to ${near}, or remove it`
            : 'see incidents/README.md for the fields; unknown fields are ignored',
        ),
      );
    }
    // `- checkout: web + API` is read by YAML as a mapping; the person meant the text.
    if (Array.isArray(value)) {
      raw[key] = value.map((item: unknown) => {
        if (item && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Date)) {
          const text = Object.entries(item as Record<string, unknown>)
            .map(([k, v]) => (v === null ? k : `${k}: ${String(v)}`))
            .join(', ');
          diagnostics.push(
            warning(
              'front-matter/list-item-mapping',
              file,
              { line },
              `list item "${text}" in "${key}" reads as a key and value; taken as the text written`,
              `quote it: - "${text}"`,
            ),
          );
          return text;
        }
        return item;
      });
    }
  }
  const parsed = parseWithDiagnostics(FrontMatterSchema, raw, {
    code: 'front-matter/invalid',
    file,
    locate: (path) => {
      const line = keyLines.get(String(path[0] ?? ''));
      return line === undefined ? undefined : { line };
    },
    fallback: { line: firstLine },
    message: (issue) =>
      `front matter field "${issuePath(issue)}" ${issue.message.replace(/^Invalid input: /, '')}`,
    hint: 'see incidents/README.md for the fields and their types',
  });
  if (!parsed.success) {
    diagnostics.push(...parsed.diagnostics);
    return { value: {}, diagnostics, keyLines };
  }
  return { value: parsed.data, diagnostics, keyLines };
}
