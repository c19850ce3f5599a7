/**
 * The image fonts (font-faces.ts) and Twemoji's emoji pictures (emoji-images.ts) as files in
 * node_modules, for Node: resvg-js is handed the fonts' paths, the typesetter their bytes. The
 * CJK and emoji files are read only for an image that has a character DejaVu lacks, so a
 * Latin-only image costs what it did before they existed.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FONT_FACES, type FontFace, type FontSource } from './font-faces.js';
import { Typesetter } from './typeset.js';

const require = createRequire(import.meta.url);
/** An installed package's folder, also for packages whose `exports` hide package.json. */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Its exports do not list package.json: walk up from its entry point.
  }
  let dir = dirname(require.resolve(name));
  while (!dir.endsWith(join('node_modules', name))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the ${name} package`);
    dir = parent;
  }
  return dir;
}

const packageDirs = new Map<string, string>();

/** The absolute path of a face's file. */
export function fontFile(face: FontFace): string {
  let dir = packageDirs.get(face.package);
  if (!dir) {
    dir = packageDir(face.package);
    packageDirs.set(face.package, dir);
  }
  return join(dir, face.path);
}

/** DejaVu Sans regular and bold: what every image loads. */
export const LATIN_FONT_FILES = FONT_FACES.latin.map(fontFile);

const fileBytes = new Map<string, Promise<Buffer>>();

/** A font file's bytes, read once per process (the CJK files are 8 MB). */
export function fontBytes(file: string): Promise<Buffer> {
  let bytes = fileBytes.get(file);
  if (!bytes) {
    bytes = readFile(file);
    fileBytes.set(file, bytes);
  }
  return bytes;
}

const emojiImages = new Map<string, Promise<string | null>>();

/**
 * Twemoji's picture named `name`, read once per process from @discordapp/twemoji's `dist/svg`;
 * null when Twemoji has none (the name is checked against the file names first, so a cluster
 * cannot name a path outside the folder).
 */
function twemojiImage(name: string): Promise<string | null> {
  let image = emojiImages.get(name);
  if (!image) {
    image = /^[0-9a-f]+(?:-[0-9a-f]+)*$/.test(name)
      ? readFile(
          join(packageDir('@discordapp/twemoji'), 'dist', 'svg', `${name}.svg`),
          'utf8',
        ).catch((error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return null;
          throw error;
        })
      : Promise.resolve(null);
    // A read that failed for another reason than absence is tried again next time.
    image.catch(() => emojiImages.delete(name));
    emojiImages.set(name, image);
  }
  return image;
}

/** Every face, read from node_modules, and Twemoji's colour emoji. */
export const nodeFontSource: FontSource = Object.assign(
  (face: FontFace) => fontBytes(fontFile(face)),
  { emojiImage: twemojiImage },
);

/** A typesetter for `text` with the fonts from node_modules (see Typesetter.load). */
export function loadTypesetter(text: string, language?: string | null): Promise<Typesetter> {
  return Typesetter.load(text, language, nodeFontSource);
}
