import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { FrontMatterSchema, type FrontMatter } from '../../schemas/front-matter.js';
import { error, type Diagnostic } from '../diagnostics.js';

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
  for (const problem of doc.errors) {
    const pos = openingOf(yaml, lineCounter.linePos(problem.pos[0]));
    diagnostics.push(
      error(
        'front-matter/yaml',
        file,
        { line: firstLine + pos.line - 1, column: pos.col },
        `front matter is not valid YAML (${problem.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')})`,
        'check indentation and quoting; values containing ": " need quotes, e.g. title: "DB down: part 2"',
      ),
    );
  }
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
  const parsed = FrontMatterSchema.safeParse(plain);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      diagnostics.push(
        error(
          'front-matter/invalid',
          file,
          { line: keyLines.get(key) ?? firstLine },
          `front matter field "${issue.path.join('.')}" ${issue.message.replace(/^Invalid input: /, '')}`,
          'see incidents/README.md for the fields and their types',
        ),
      );
    }
    return { value: {}, diagnostics, keyLines };
  }
  return { value: parsed.data, diagnostics, keyLines };
}
