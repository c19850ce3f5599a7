/**
 * render: (facts, postmortem) → the files of one pack. Pure: the same input gives the same
 * bytes, with no wall-clock time anywhere, so reruns are byte-identical. The SVG → PNG step is
 * passed in (`Rasterize`), so the same code runs in Node (resvg-js, timeline-png.ts) and in the
 * browser (resvg's WebAssembly build, src/browser/rasterize.ts).
 */
import { zipSync, type Zippable } from 'fflate';
import type { Facts } from '../../schemas/facts.js';
import type { Postmortem } from '../../schemas/postmortem.js';
import { factsJson } from './facts-json.js';
import { toMarkdownText, toMdxText } from './markdown.js';
import { postmortemTree } from './postmortem-tree.js';
import { renderHnPost, renderTwitterThread } from './text-posts.js';
import type { FontFace, FontSource } from './font-faces.js';
import { ogText, renderOgSvg } from './og-image.js';
import { PACK_FILES } from '../../schemas/pack.js';
import { renderTimelineSvg, timelineText } from './timeline-svg.js';
import { Typesetter } from './typeset.js';

export type PackFiles = Record<string, string | Uint8Array>;

/**
 * An SVG document drawn as a PNG `width` pixels wide, with the packaged fonts only: `faces`
 * are those its typesetter used (Typesetter.faces()).
 */
export type Rasterize = (
  svg: string,
  width: number,
  faces: readonly FontFace[],
  /** Called once the image is handed to whatever draws it (a worker), if that is not at once. */
  handedOver?: () => void,
) => Promise<Uint8Array>;

/** Where the images' fonts come from, and how an SVG becomes a PNG, in this runtime. */
export interface ImageTools {
  fonts: FontSource;
  rasterize: Rasterize;
}

/** The typesetter for a timeline: the fonts its text needs, from `fonts`. */
export function loadTimelineTypesetter(facts: Facts, fonts: FontSource): Promise<Typesetter> {
  return Typesetter.load(timelineText(facts), facts.language, fonts);
}

// A fixed timestamp keeps the zip byte-identical between runs.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** One zip of the downloadable files; PNGs are stored as they are, already compressed. */
export function zipPack(slug: string, files: PackFiles): Uint8Array {
  const zippable: Zippable = {};
  for (const name of PACK_FILES) {
    const data = files[name];
    const bytes =
      typeof data === 'string' ? new TextEncoder().encode(data) : (data ?? new Uint8Array());
    zippable[`${slug}/${name}`] = [
      bytes,
      { level: name.endsWith('.png') ? 0 : 6, mtime: ZIP_MTIME },
    ];
  }
  return zipSync(zippable);
}

/** The text files a reader downloads: everything in PACK_FILES but the PNG. */
export interface TextFiles {
  'postmortem.md': string;
  'timeline.svg': string;
  'hn-post.txt': string;
  'twitter-thread.txt': string;
}

/**
 * The text files of a pack, synchronously once the typesetter is loaded (loadTimelineTypesetter):
 * cheap enough to run on every keystroke.
 */
export function renderTextFiles(
  facts: Facts,
  document: Postmortem,
  typesetter: Typesetter,
): TextFiles {
  return {
    'postmortem.md': toMarkdownText(postmortemTree(facts, document)),
    'timeline.svg': renderTimelineSvg(facts, typesetter),
    'hn-post.txt': renderHnPost(document),
    'twitter-thread.txt': renderTwitterThread(document),
  };
}

/** The images of a pack: they are drawn from the facts alone, not from the postmortem. */
export interface PackImages {
  'timeline.svg': string;
  'timeline.png': Uint8Array;
  'og.png': Uint8Array;
}

/**
 * A pack's images, from the facts alone: a caller can start them (on the image workers) as
 * soon as the facts are settled and let the postmortem be written meanwhile (generate.ts),
 * which takes the two images off the end of a one-pack run.
 */
export async function renderImages(
  facts: Facts,
  { fonts, rasterize }: ImageTools,
  /** Called once both images are handed to whatever draws them. */
  handedOver?: () => void,
): Promise<PackImages> {
  const [timelineTypesetter, ogTypesetter] = await Promise.all([
    loadTimelineTypesetter(facts, fonts),
    Typesetter.load(ogText(facts), facts.language, fonts),
  ]);
  const svg = renderTimelineSvg(facts, timelineTypesetter);
  let drawing = 2;
  const one = () => {
    if (--drawing === 0) handedOver?.();
  };
  const [og, timeline] = await Promise.all([
    rasterize(renderOgSvg(facts, ogTypesetter), 1200, ogTypesetter.faces(), one),
    rasterize(svg, 960, timelineTypesetter.faces(), one),
  ]);
  return { 'timeline.svg': svg, 'timeline.png': timeline, 'og.png': og };
}

/**
 * Every file of a pack: the downloads, the site's MDX body, og.png, the JSON, and the zip.
 * @param images the pack's images if they were started already (renderImages with the same
 *   facts); drawn here otherwise.
 */
export async function renderPack(
  facts: Facts,
  document: Postmortem,
  tools: ImageTools,
  images: Promise<PackImages> = renderImages(facts, tools),
): Promise<PackFiles> {
  // The text is written while the images are drawn on the workers.
  const markdown = toMarkdownText(postmortemTree(facts, document));
  // The site page shows the title, figures and metrics itself; its MDX body starts at the summary.
  const mdx = toMdxText(postmortemTree(facts, document, { body: true }));
  const drawn = await images;
  const files: PackFiles = {
    'postmortem.md': markdown,
    'postmortem.mdx': mdx,
    'og.png': drawn['og.png'],
    'timeline.svg': drawn['timeline.svg'],
    'timeline.png': drawn['timeline.png'],
    'hn-post.txt': renderHnPost(document),
    'twitter-thread.txt': renderTwitterThread(document),
    'facts.json': factsJson(facts),
    'postmortem.json': `${JSON.stringify(document, null, 2)}\n`,
  };
  return { ...files, [`${facts.slug}-pack.zip`]: zipPack(facts.slug, files) };
}
