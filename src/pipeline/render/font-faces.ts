/**
 * The fonts the images are drawn with, by name: DejaVu Sans (Latin, Greek, Cyrillic, Hebrew,
 * Arabic, symbols), Noto Sans CJK SC (Han, kana), Noto Sans CJK KR (Hangul) and Noto Emoji
 * (monochrome emoji: resvg draws outline glyphs the same everywhere). All ship through npm so a
 * fresh clone renders the same pixels offline. No I/O here, so the browser's /new/ page uses the
 * same table: Node reads the files (fonts.ts), the browser fetches what it serves.
 */

/** Which fonts draw a grapheme cluster. */
export type FontGroup = 'latin' | 'han' | 'hangul' | 'emoji';

export interface FontFace {
  /** The family name in the font's name table, as SVG's font-family names it. */
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
      family: 'Noto Sans S Chinese Bold',
      weight: 700,
      package: '@embedpdf/fonts-sc',
      path: 'fonts/NotoSansHans-Bold.otf',
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
      family: 'Noto Sans Korean Bold',
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
 * A face's bytes, or null when this runtime does not offer it (the browser serves DejaVu only:
 * there, text DejaVu lacks is laid out in DejaVu and left blank, as resvg draws it).
 */
export type FontSource = (face: FontFace) => Promise<Uint8Array | null>;

/** The face of a group nearest to a weight, as resvg picks it. */
export function faceFor(group: FontGroup, weight: number): FontFace {
  const faces = FONT_FACES[group];
  return faces.find((face) => face.weight === weight) ?? (faces[0] as FontFace);
}
