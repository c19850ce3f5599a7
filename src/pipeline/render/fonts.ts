/**
 * The image fonts (font-faces.ts) as files in node_modules, for Node: resvg-js is handed their
 * paths, the typesetter their bytes. The CJK and emoji fonts are read only for an image that
 * has a character DejaVu lacks, so a Latin-only image costs what it did before they existed.
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

/** Every face, read from node_modules. */
export const nodeFontSource: FontSource = (face) => fontBytes(fontFile(face));

/** A typesetter for `text` with the fonts from node_modules (see Typesetter.load). */
export function loadTypesetter(text: string, language?: string | null): Promise<Typesetter> {
  return Typesetter.load(text, language, nodeFontSource);
}
