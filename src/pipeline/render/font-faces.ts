/**
 * The fonts the images are drawn with, by name: DejaVu Sans (Latin, Greek, Cyrillic, Hebrew,
 * Arabic, symbols), Noto Sans SC (Han in Chinese forms), Noto Sans JP (kana, and Han in Japanese
 * forms), Noto Sans KR (Hangul, and Han in Korean forms) and Noto Emoji (monochrome emoji, for
 * the few sequences that have no colour picture: see emoji-images.ts). All ship through npm so a
 * fresh clone renders the same pixels offline. No I/O here, so the browser's /new/ page uses the
 * same table: Node reads the files (fonts.ts), the browser fetches what it serves.
 *
 * One Han code point has different shapes in Chinese, Japanese and Korean (直, 骨, 写: Unicode's
 * Han unification, https://www.unicode.org/faq/han_cjk.html), so the incident's language, not
 * only the character, picks the CJK font (Typesetter.load).
 */
import type { EmojiImageSource } from './emoji-images.js';

/** Which fonts draw a grapheme cluster. */
export type FontGroup = 'latin' | 'han' | 'japanese' | 'hangul' | 'emoji';

export interface FontFace {
  /**
   * The family name as SVG's font-family names it: the name table's typographic family (name
   * ID 16) where the font has one, which resvg matches, and which is the same for every weight.
   */
  family: string;
  weight: 400 | 700;
  /** The npm package that ships the file, and the file's path inside it. */
  package: string;
  path: string;
}

/** Regular and bold of each group; emoji has one weight, bold text falls back to it. */
export const FONT_FACES: Record<FontGroup, FontFace[]> = {
  latin: [
    { family: 'DejaVu Sans', weight: 400, package: 'dejavu-fonts-ttf', path: 'ttf/DejaVuSans.ttf' },
    {
      family: 'DejaVu Sans',
      weight: 700,
      package: 'dejavu-fonts-ttf',
      path: 'ttf/DejaVuSans-Bold.ttf',
    },
  ],
  han: [
    {
      family: 'Noto Sans S Chinese',
      weight: 400,
      package: '@embedpdf/fonts-sc',
      path: 'fonts/NotoSansHans-Regular.otf',
    },
    {
      family: 'Noto Sans S Chinese',
      weight: 700,
      package: '@embedpdf/fonts-sc',
      path: 'fonts/NotoSansHans-Bold.otf',
    },
  ],
  japanese: [
    {
      family: 'Noto Sans Japanese',
      weight: 400,
      package: '@embedpdf/fonts-jp',
      path: 'fonts/NotoSansJP-Regular.otf',
    },
    {
      family: 'Noto Sans Japanese',
      weight: 700,
      package: '@embedpdf/fonts-jp',
      path: 'fonts/NotoSansJP-Bold.otf',
    },
  ],
  hangul: [
    {
      family: 'Noto Sans Korean',
      weight: 400,
      package: '@embedpdf/fonts-kr',
      path: 'fonts/NotoSansKR-Regular.otf',
    },
    {
      family: 'Noto Sans Korean',
      weight: 700,
      package: '@embedpdf/fonts-kr',
      path: 'fonts/NotoSansKR-Bold.otf',
    },
  ],
  emoji: [
    {
      family: 'Noto Emoji',
      weight: 400,
      package: '@expo-google-fonts/noto-emoji',
      path: '400Regular/NotoEmoji_400Regular.ttf',
    },
  ],
};

/**
 * A face's bytes, or null when this runtime does not offer it (text no offered face has is laid
 * out in DejaVu and left blank, as resvg draws it). Where the runtime has them, `emojiImage`
 * gives Twemoji's colour pictures (emoji-images.ts: Node has them, the /new/ page does not);
 * without it emoji are drawn in Noto Emoji's outlines.
 */
export interface FontSource {
  (face: FontFace): Promise<Uint8Array | null>;
  emojiImage?: EmojiImageSource;
}

/** The face of a group nearest to a weight, as resvg picks it. */
export function faceFor(group: FontGroup, weight: number): FontFace {
  const faces = FONT_FACES[group];
  return faces.find((face) => face.weight === weight) ?? (faces[0] as FontFace);
}
