/**
 * Font subsets for resvg-js, made once per process and shared by every image that needs the
 * same characters.
 *
 * resvg-js reads the whole font file again for every glyph it draws (about 1,300 times for one
 * timeline), so it is handed subsets rather than the 750 KB DejaVu files: a subset draws exactly
 * what the full font draws (tests/timeline-image.test.ts compares them), in half the time. A
 * subset holding more characters than an image uses draws the same pixels too, so every image
 * whose text is printable ASCII plus the few symbols the images add (`·`, `…`, `—`) shares one
 * subset per face, made once per process instead of once per image (harfbuzz's subsetter is
 * about 3 ms per face, and a temporary folder per image cost as much again in file-system
 * calls). An image with other characters gets a subset of the shared characters plus its own,
 * kept while images use it and removed when the cache is full.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import subsetFont from 'subset-font';
import type { FontFace } from './font-faces.js';
import { fontBytes, fontFile } from './fonts.js';

/** Printable ASCII, the line feed between elements, and the symbols the images draw themselves. */
const SHARED_CHARACTERS = `\n${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))}·…—`;
const shared = new Set(SHARED_CHARACTERS);

/** Subsets kept for reuse beyond those in use: enough for the scripts of one build. */
const KEPT = 32;

interface Subset {
  files: Promise<string[]>;
  users: number;
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

async function makeSubset(faces: readonly FontFace[], characters: string): Promise<string[]> {
  const dir = subsetFolder();
  const id = made++;
  return Promise.all(
    faces.map(async (face) => {
      const file = fontFile(face);
      const path = join(dir, `${id}-${basename(file)}`);
      await writeFile(
        path,
        await subsetFont(await fontBytes(file), characters, {
          preserveNameIds: TYPOGRAPHIC_NAMES,
        }),
      );
      return path;
    }),
  );
}

/** Forgets the least recently used subsets no image is drawing with, beyond KEPT. */
function evict(): void {
  for (const [key, subset] of subsets) {
    if (subsets.size <= KEPT) return;
    if (subset.users > 0) continue;
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
  const own = [...new Set(text)].filter((character) => !shared.has(character)).sort();
  const key = `${faces.map(fontFile).join('\n')}\n\n${own.join('')}`;
  let subset = subsets.get(key);
  if (subset) {
    // Most recently used last: Map keeps insertion order.
    subsets.delete(key);
  } else {
    subset = { files: makeSubset(faces, SHARED_CHARACTERS + own.join('')), users: 0 };
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
