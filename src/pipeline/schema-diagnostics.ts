/**
 * One way to report a schema failure: every zod issue becomes a diagnostic at the place its
 * value is written (the YAML or JSON node's line and column), naming the field and what was
 * expected, in the manner of Starlight's `parseWithFriendlyErrors` (utils/error-map.ts). Used
 * for incident front matter, the config file, and the pack files the site reads.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { error, formatDiagnostic, type Diagnostic } from './diagnostics.js';

/** A place in a file, 1-based. */
export interface Place {
  line: number;
  column?: number;
}

/** Where the value at a schema path is written; undefined when it is nowhere in the file. */
export type Locate = (path: readonly PropertyKey[]) => Place | undefined;

export type SchemaIssue = z.core.$ZodIssue;

export interface SchemaDiagnosticOptions {
  /** The diagnostic code, e.g. `config/invalid`. */
  code: string;
  /** The file as shown in messages. */
  file: string;
  /** What to do, the same for every issue: usually where the fields are documented. */
  hint: string;
  /** Where each field is written (jsonLocator, or the front matter's key lines). */
  locate?: Locate;
  /** The place of a field `locate` cannot find (a missing one): line 1 by default. */
  fallback?: Place;
  /**
   * The message for one issue; by default `<subject> field "a.b": <zod's message>`, with
   * `subject` the kind of file (`config`, `pack.json`).
   */
  message?: (issue: SchemaIssue) => string;
  subject?: string;
}

/** `a.b.0`, as people read a path into a document. */
export function issuePath(issue: SchemaIssue): string {
  return issue.path.map(String).join('.');
}

/**
 * The path whose node an issue is about: an unknown key's own path (zod reports it at the
 * object), otherwise the issue's path.
 */
function nodePath(issue: SchemaIssue): PropertyKey[] {
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined)
    return [...issue.path, issue.keys[0]];
  return issue.path;
}

/** Every issue as an error at its field's place. */
export function schemaDiagnostics(
  issues: readonly SchemaIssue[],
  options: SchemaDiagnosticOptions,
): Diagnostic[] {
  const subject = options.subject ?? 'schema';
  const message =
    options.message ?? ((issue) => `${subject} field "${issuePath(issue)}": ${issue.message}`);
  return issues.map((issue) =>
    error(
      options.code,
      options.file,
      options.locate?.(nodePath(issue)) ?? options.fallback ?? { line: 1 },
      message(issue),
      options.hint,
    ),
  );
}

/**
 * Validates `input` with `schema`: the typed data, or a diagnostic per issue at the place its
 * field is written (see SchemaDiagnosticOptions). Never throws for invalid input.
 */
export function parseWithDiagnostics<T extends z.ZodType>(
  schema: T,
  input: unknown,
  options: SchemaDiagnosticOptions,
): { success: true; data: z.output<T> } | { success: false; diagnostics: Diagnostic[] } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, diagnostics: schemaDiagnostics(parsed.error.issues, options) };
}

/**
 * Validates `input` like parseWithDiagnostics and returns the data, or throws an Error whose
 * message is the diagnostics as the CLI prints them: for code that cannot return diagnostics,
 * such as the site's data loading, where Astro shows the message and stops the build.
 */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  input: unknown,
  options: SchemaDiagnosticOptions,
): z.output<T> {
  const parsed = parseWithDiagnostics(schema, input, options);
  if (parsed.success) return parsed.data;
  throw new Error(parsed.diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
}

/**
 * A Locate over YAML or JSON text (JSON is YAML): the place of a field's key, or of a list
 * item; for a path that is not in the text (a missing field), its nearest written parent.
 * `firstLine` is the text's first line in its file (front matter starts after `---`). The text
 * is parsed on the first call only, so valid input costs nothing.
 */
export function yamlLocator(text: string, firstLine = 1): Locate {
  let parsed: { contents: unknown; lineCounter: LineCounter } | null = null;
  return (path) => {
    if (!parsed) {
      const lineCounter = new LineCounter();
      parsed = { contents: parseDocument(text, { lineCounter }).contents, lineCounter };
    }
    const { contents, lineCounter } = parsed;
    let node: unknown = contents;
    let at: Node | null = null;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isScalar(item.key) && String(item.key.value) === String(segment),
        );
        if (!pair) break;
        at = pair.key as Node;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        at = node as Node;
      } else break;
    }
    if (!at?.range) return undefined;
    const pos = lineCounter.linePos(at.range[0]);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
}
