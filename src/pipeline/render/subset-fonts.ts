/**
 * Font subsets for resvg-js, made once per process and shared by every image that needs the
 * same characters.
 *
 * resvg-js reads the whole font file again for every glyph it draws (about 1,300 times for one
 * timeline), so it is handed subsets rather than the 750 KB DejaVu files: a subset draws exactly
 * what the full font draws (tests/timeline-image.test.ts compares them), in half the time. A
 * subset holding more characters than an image uses draws the same pixels too, so every image
 * whose text is ASCII, Latin-1 and the common signs (SHARED_CHARACTERS) shares one
 * subset per face, made once per process instead of once per image (harfbuzz's subsetter is
 * about 3 ms per face, and a temporary folder per image cost as much again in file-system
 * calls). An image with other characters gets a subset of the shared characters plus its own,
 * kept while images use it and removed when the cache is full.
 *
 * The shared subsets are also kept between processes, in a folder of the system's temporary
 * one named by a hash of their input (font bytes, characters, subsetter version): a process
 * whose images need nothing else never loads the subsetter, whose WebAssembly start-up was
 * half a second of a one-pack generate.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FontFace } from './font-faces.js';
import { fontBytes, fontFile } from './fonts.js';

/**
 * Printable ASCII and Latin-1, the line feed between elements, the symbols the images draw
 * themselves, and the punctuation, arrows and signs people type into timelines ("78% → 45%",
 * "p99 ≥ 2 s", curly quotes, en dashes). An image whose text needs nothing else uses the subset
 * kept between processes, so a one-pack generate does not load the subsetter (a quarter of a
 * second): before these were shared, one "→" in a timeline cost that. A subset with characters
 * an image does not draw draws the same pixels; this one is 50 KB instead of 28 KB, which
 * changes no measured drawing time.
 */
const SHARED_CHARACTERS = [
  '\n',
  String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 0x20 + i)),
  String.fromCharCode(...Array.from({ length: 96 }, (_, i) => 0xa0 + i)),
  '‐‑‒–—―‘’‚“”„†‡•…‰′″‹›€™',
  '←↑→↓↔⇐⇒−∞≈≠≤≥✓✔✗✘',
].join('');
const shared = new Set(SHARED_CHARACTERS);
/** A character outside SHARED_CHARACTERS: most images have none, told without a set of every character. */
const UNSHARED = new RegExp(`[^${SHARED_CHARACTERS.replace(/[\\\]^-]/g, '\\$&')}]`);

/** Subsets kept for reuse beyond those in use: enough for the scripts of one build. */
const KEPT = 32;

interface Subset {
  files: Promise<string[]>;
  users: number;
  /** Kept between processes (the shared subsets): never removed. */
  kept?: boolean;
}

const subsets = new Map<string, Subset>();
let folder: string | null = null;
let made = 0;

/** One folder per process for every subset, removed when the process exits. */
function subsetFolder(): string {
  if (!folder) {
    const dir = mkdtempSync(join(tmpdir(), `incidentpost-fonts-${process.pid}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    folder = dir;
  }
  return folder;
}

/**
 * The typographic family and subfamily (name IDs 16, 17), which the subsetter drops by default.
 * resvg matches font-family against the typographic family where a font has one, else the
 * family (ID 1): without them a CJK subset's family is "Noto Sans Japanese Regular" or "...
 * Bold", the full file's "Noto Sans Japanese", so no one name found both, and resvg fell back
 * to whichever loaded font came first (a Japanese title could be drawn with the Chinese font).
 */
const TYPOGRAPHIC_NAMES = [16, 17];

/** The subsetter, loaded on the first subset a process makes. */
async function subsetOf(font: Buffer, characters: string): Promise<Buffer> {
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(font, characters, { preserveNameIds: TYPOGRAPHIC_NAMES });
}

async function makeSubset(faces: readonly FontFace[], characters: string): Promise<string[]> {
  const dir = subsetFolder();
  const id = made++;
  return Promise.all(
    faces.map(async (face) => {
      const file = fontFile(face);
      const path = join(dir, `${id}-${basename(file)}`);
      await writeFile(path, await subsetOf(await fontBytes(file), characters));
      return path;
    }),
  );
}

/** What else decides a subset's bytes: the subsetter's version and its HarfBuzz build. */
let subsetterId: string | null = null;
function subsetter(): string {
  if (subsetterId === null) {
    const require = createRequire(import.meta.url);
    const { version } = JSON.parse(
      readFileSync(require.resolve('subset-font/package.json'), 'utf8'),
    ) as { version: string };
    const wasm = createRequire(require.resolve('subset-font')).resolve(
      'harfbuzzjs/dist/harfbuzz-subset.wasm',
    );
    subsetterId = `subset-font ${version}, harfbuzz-subset.wasm ${statSync(wasm).size} bytes`;
  }
  return subsetterId;
}

/** The folder the shared subsets are kept in between processes, one per user. */
function keptFolder(): string {
  const dir = join(tmpdir(), `incidentpost-font-subsets-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The shared subset of each face, from the folder kept between processes, made and written
 * there (by rename, so a reader never sees half a file) when it is not. Where that folder
 * cannot be written, the subset is this process's own.
 */
async function keptSubset(faces: readonly FontFace[], characters: string): Promise<string[]> {
  try {
    const dir = keptFolder();
    return await Promise.all(
      faces.map(async (face) => {
        const file = fontFile(face);
        const bytes = await fontBytes(file);
        const key = createHash('sha256')
          .update(`${subsetter()}\0${TYPOGRAPHIC_NAMES.join(',')}\0${characters}\0`)
          .update(bytes)
          .digest('hex')
          .slice(0, 32);
        const path = join(dir, `${key}-${basename(file)}`);
        if ((await stat(path).catch(() => null))?.isFile()) return path;
        const temporary = `${path}.${process.pid}.${made++}.tmp`;
        try {
          await writeFile(temporary, await subsetOf(bytes, characters));
          await rename(temporary, path);
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
        return path;
      }),
    );
  } catch {
    return makeSubset(faces, characters);
  }
}

/** Forgets the least recently used subsets no image is drawing with, beyond KEPT. */
function evict(): void {
  for (const [key, subset] of subsets) {
    if (subsets.size <= KEPT) return;
    if (subset.users > 0 || subset.kept) continue;
    subsets.delete(key);
    void subset.files.then(
      (files) => Promise.all(files.map((file) => rm(file, { force: true }))),
      () => undefined,
    );
  }
}

/**
 * Runs `use` with font files (in the order of `faces`) that hold every character of `text`.
 * The files stay in place until `use` settles.
 * @throws what the subsetter or the file system throws (a full disk names the path).
 */
export async function withSubsetFonts<T>(
  text: string,
  faces: readonly FontFace[],
  use: (files: string[]) => Promise<T>,
): Promise<T> {
  const own = UNSHARED.test(text)
    ? [...new Set(text)].filter((character) => !shared.has(character)).sort()
    : [];
  const key = `${faces.map(fontFile).join('\n')}\n\n${own.join('')}`;
  let subset = subsets.get(key);
  if (subset) {
    // Most recently used last: Map keeps insertion order.
    subsets.delete(key);
  } else {
    subset =
      own.length === 0
        ? { files: keptSubset(faces, SHARED_CHARACTERS), users: 0, kept: true }
        : { files: makeSubset(faces, SHARED_CHARACTERS + own.join('')), users: 0 };
    // A subset that failed is made again next time.
    subset.files.catch(() => subsets.get(key) === subset && subsets.delete(key));
  }
  subsets.set(key, subset);
  subset.users++;
  try {
    return await use(await subset.files);
  } finally {
    subset.users--;
    evict();
  }
}
