/**
 * The image fonts in the browser, served by this site and each fetched once, for laying out the
 * timeline (typeset.ts) and drawing it (rasterize.ts). DejaVu Sans regular and bold load on the
 * first keystroke; the CJK and emoji faces only when the typesetter asks for one, which it does
 * only for text that needs it (Typesetter.load): a Japanese paste fetches Noto Sans JP regular
 * and bold (4.5 + 4.7 MB), Chinese Noto Sans SC (8.4 + 8.6 MB), Korean Noto Sans KR (4.6 +
 * 4.7 MB), emoji Noto Emoji (0.9 MB). Whole files: a paste's characters are not known when the
 * site is built. Emoji are drawn in Noto Emoji's outlines here; Twemoji's 3,846 colour pictures
 * are the CLI's.
 *
 * The Noto Sans CJK packages export only their index, so their files are imported by path.
 */
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import regularUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import emojiUrl from '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf?url';
import scRegularUrl from '../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf?url';
import scBoldUrl from '../../node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf?url';
import jpRegularUrl from '../../node_modules/@embedpdf/fonts-jp/fonts/NotoSansJP-Regular.otf?url';
import jpBoldUrl from '../../node_modules/@embedpdf/fonts-jp/fonts/NotoSansJP-Bold.otf?url';
import krRegularUrl from '../../node_modules/@embedpdf/fonts-kr/fonts/NotoSansKR-Regular.otf?url';
import krBoldUrl from '../../node_modules/@embedpdf/fonts-kr/fonts/NotoSansKR-Bold.otf?url';
import {
  FONT_FACES,
  type FontFace,
  type FontGroup,
  type FontSource,
} from '../pipeline/render/font-faces.js';

const SERVED: Record<FontGroup, string[]> = {
  latin: [regularUrl, boldUrl],
  han: [scRegularUrl, scBoldUrl],
  japanese: [jpRegularUrl, jpBoldUrl],
  hangul: [krRegularUrl, krBoldUrl],
  emoji: [emojiUrl],
};

/** Each face's URL, in FONT_FACES's order. */
const URLS = new Map<FontFace, string>(
  (Object.keys(FONT_FACES) as FontGroup[]).flatMap((group) =>
    FONT_FACES[group].map((face, i) => [face, SERVED[group][i] ?? ''] as const),
  ),
);

const loaded = new Map<string, Promise<Uint8Array>>();

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A font's bytes, fetched once; a failed fetch is retried on the next call. */
export function fetchFont(url: string): Promise<Uint8Array> {
  let bytes = loaded.get(url);
  if (!bytes) {
    bytes = fetchBytes(url);
    bytes.catch(() => loaded.delete(url));
    loaded.set(url, bytes);
  }
  return bytes;
}

/** Every face, from this site. */
export const browserFontSource: FontSource = (face) => {
  const url = URLS.get(face);
  return url ? fetchFont(url) : Promise.resolve(null);
};

/** DejaVu Sans regular and bold, as resvg's font buffers. */
export const latinFontBuffers = (): Promise<Uint8Array[]> =>
  Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]);

/** The faces an image is drawn with (Typesetter.faces()), as resvg's font buffers. */
export const fontBuffers = async (faces: readonly FontFace[]): Promise<Uint8Array[]> =>
  (await Promise.all(faces.map(browserFontSource))).filter((bytes) => bytes !== null);
