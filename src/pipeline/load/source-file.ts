import { error, warning, type Diagnostic } from '../diagnostics.js';

/** Files larger than this are almost certainly a pasted log dump, not a timeline. */
export const MAX_BYTES = 1024 * 1024;

/** An incident file that is readable text, ready to parse. */
export interface SourceFile {
  /** Path as shown in messages (relative to where the user ran the command). */
  path: string;
  slug: string;
  bytes: Uint8Array;
  text: string;
}

/** `2026-01-10-some-slug.md` → `2026-01-10-some-slug`; any other name works the same way. */
export function slugFromFileName(fileName: string): string {
  return fileName.replace(/\.(md|markdown|txt)$/i, '');
}

/**
 * A slug names a folder, files such as `<slug>.zip` and the page `/incidents/<slug>/`. File
 * systems refuse names over 255 bytes; 100 characters leaves room and still reads in a URL.
 */
export const MAX_SLUG_LENGTH = 100;

/**
 * Addresses the site already uses beside incident pages: the history's pages (`/incidents/2/`)
 * and its filter folders (`/incidents/year/`, `/incidents/severity/`).
 */
const RESERVED_SLUG = /^(?:\d+|year|severity)$/i;

/** Characters that are not plain in a URL path segment and in every file system. */
const UNSAFE_SLUG_CHARACTERS = /[^A-Za-z0-9._-]+/g;

/**
 * The page address for a file name: unsafe characters (`%`, `#`, `?`, spaces, non-ASCII)
 * become `-`, and a reserved name gets an `incident-` prefix, each with a warning naming the
 * address used; a slug over MAX_SLUG_LENGTH is an error.
 */
export function slugFor(
  path: string,
  fileName: string,
): { slug: string | null; diagnostics: Diagnostic[] } {
  const written = slugFromFileName(fileName);
  let slug = written
    .replace(UNSAFE_SLUG_CHARACTERS, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (slug === '') slug = 'incident';
  if (RESERVED_SLUG.test(slug)) slug = `incident-${slug}`;
  if (slug.length > MAX_SLUG_LENGTH) {
    return {
      slug: null,
      diagnostics: [
        error(
          'load/slug-too-long',
          path,
          { line: 1 },
          `file name gives a ${slug.length}-character page address, over the ${MAX_SLUG_LENGTH}-character limit`,
          'shorten the file name: YYYY-MM-DD and a few words, e.g. 2026-01-10-database-failover.md',
        ),
      ],
    };
  }
  if (slug === written) return { slug, diagnostics: [] };
  return {
    slug,
    diagnostics: [
      warning(
        RESERVED_SLUG.test(written) ? 'load/slug-reserved' : 'load/slug-mapped',
        path,
        { line: 1 },
        RESERVED_SLUG.test(written)
          ? `"${written}" is an address the site already uses; published as incidents/${slug}/`
          : `"${written}" is not a safe page address; published as incidents/${slug}/`,
        `rename the file to ${slug}.md (letters, digits, "-", "_" and "."; not a bare number, "year" or "severity")`,
      ),
    ],
  };
}

function lineAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Decodes one file, refusing what cannot be a timeline: too large, binary, not UTF-8, empty. */
export function decodeSourceFile(
  path: string,
  bytes: Uint8Array,
): { file?: SourceFile; diagnostics: Diagnostic[] } {
  if (bytes.byteLength > MAX_BYTES) {
    return {
      diagnostics: [
        error(
          'load/too-large',
          path,
          { line: 1 },
          `file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MiB, over the 1 MiB limit`,
          'keep the timeline to the lines that matter; link to full logs instead of pasting them',
        ),
      ],
    };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      diagnostics: [
        error(
          'load/binary',
          path,
          lineAt(bytes, nul),
          'file contains a NUL byte: this looks like binary data, not a text timeline',
          'save the timeline as UTF-8 text; attach screenshots and binaries elsewhere',
        ),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      diagnostics: [
        error(
          'load/not-utf8',
          path,
          firstInvalidUtf8(bytes),
          'file is not valid UTF-8',
          're-save the file as UTF-8 (most editors have an "encoding" option when saving)',
        ),
      ],
    };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return {
      diagnostics: [
        error(
          'load/empty',
          path,
          { line: 1 },
          'file is empty',
          'paste the incident timeline into it, or copy incidents/_template.md to start',
        ),
      ],
    };
  }
  const fileName = path.split(/[\\/]/).pop() ?? path;
  const named = slugFor(path, fileName);
  const diagnostics: Diagnostic[] = [...named.diagnostics];
  if (named.slug === null) return { diagnostics };
  const control = stripControlCharacters(text);
  if (control.first) {
    diagnostics.push(
      warning(
        'load/control-characters',
        path,
        control.first,
        `removed ${control.count} control character${control.count === 1 ? '' : 's'} (terminal colour codes, bells, form feeds...)`,
        'paste timelines as plain text: `sed -e "s/\\x1b\\[[0-9;]*m//g"` removes colour codes',
      ),
    );
    text = control.text;
  }
  return { file: { path, slug: named.slug, bytes, text }, diagnostics };
}

/**
 * Terminal escape sequences (`ESC[31m`), other C0 and C1 control characters and the two
 * Unicode non-characters U+FFFE/U+FFFF: none can be shown, and XML (the SVG, the RSS feed)
 * forbids them. Tabs and newlines stay.
 */
const CONTROL =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_]?)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffe\uffff]/g;

export function stripControlCharacters(text: string): {
  text: string;
  count: number;
  first: { line: number; column: number } | null;
} {
  let count = 0;
  let firstIndex = -1;
  const cleaned = text.replace(CONTROL, (_match, offset: number) => {
    if (firstIndex === -1) firstIndex = offset;
    count++;
    return '';
  });
  if (firstIndex === -1) return { text, count: 0, first: null };
  const before = text.slice(0, firstIndex).split('\n');
  return {
    text: cleaned,
    count,
    first: { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 },
  };
}

/** Only on the error path: where the first undecodable byte sits, as line and column. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const before = lossy.slice(0, Math.max(0, lossy.indexOf('\uFFFD'))).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
