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

/** A pack's images once handed over: the SVG is written, the two PNGs are being drawn. */
export interface ImagesInFlight {
  'timeline.svg': string;
  pngs: Promise<Pick<PackImages, 'timeline.png' | 'og.png'>>;
}

/**
 * A pack's images, from the facts alone, started: resolves once the timeline's SVG is laid out
 * and both PNGs are handed to whatever draws them, so a caller can write the postmortem and
 * every text file (the SVG among them) while they are drawn (generate.ts).
 * @param handedOver called once both images are handed over (before this resolves).
 */
export async function startImages(
  facts: Facts,
  { fonts, rasterize }: ImageTools,
  handedOver?: () => void,
): Promise<ImagesInFlight> {
  const [timelineTypesetter, ogTypesetter] = await Promise.all([
    loadTimelineTypesetter(facts, fonts),
    Typesetter.load(ogText(facts), facts.language, fonts),
  ]);
  const svg = renderTimelineSvg(facts, timelineTypesetter);
  let drawing = 2;
  const one = () => {
    if (--drawing === 0) handedOver?.();
  };
  const og = rasterize(renderOgSvg(facts, ogTypesetter), 1200, ogTypesetter.faces(), one);
  const timeline = rasterize(svg, 960, timelineTypesetter.faces(), one);
  // Both are awaited together: one failing must not leave the other's rejection unhandled.
  const pngs = Promise.all([og, timeline]).then(([ogPng, timelinePng]) => ({
    'timeline.png': timelinePng,
    'og.png': ogPng,
  }));
  return { 'timeline.svg': svg, pngs };
}

/**
 * A pack's images, from the facts alone: a caller can start them (on the image workers) as
 * soon as the facts are settled and let the postmortem be written meanwhile (generate.ts),
 * which takes the two images off the end of a one-pack run.
 */
export async function renderImages(
  facts: Facts,
  tools: ImageTools,
  /** Called once both images are handed to whatever draws them. */
  handedOver?: () => void,
): Promise<PackImages> {
  const started = await startImages(facts, tools, handedOver);
  return { 'timeline.svg': started['timeline.svg'], ...(await started.pngs) };
}

/** The files a pack's PNGs go into: the images themselves and the zip that holds them. */
export const IMAGE_FILES = ['og.png', 'timeline.png'] as const;

/**
 * Every file of a pack but the PNGs and the zip, given the timeline's SVG (startImages): the
 * downloads, the site's MDX body and the JSON. Synchronous, so a pack's text can be written
 * while its images are still drawn.
 */
export function renderPackText(facts: Facts, document: Postmortem, timelineSvg: string): PackFiles {
  return {
    'postmortem.md': toMarkdownText(postmortemTree(facts, document)),
    // The site page shows the title, figures and metrics itself; its MDX body starts at the summary.
    'postmortem.mdx': toMdxText(postmortemTree(facts, document, { body: true })),
    'timeline.svg': timelineSvg,
    'hn-post.txt': renderHnPost(document),
    'twitter-thread.txt': renderTwitterThread(document),
    'facts.json': factsJson(facts),
    'postmortem.json': `${JSON.stringify(document, null, 2)}\n`,
  };
}

/**
 * The rest of a pack once its PNGs are drawn: the two images and the zip of every file
 * (`text` from renderPackText).
 */
export function packImageFiles(
  slug: string,
  text: PackFiles,
  pngs: Pick<PackImages, 'timeline.png' | 'og.png'>,
): PackFiles {
  const images = { 'og.png': pngs['og.png'], 'timeline.png': pngs['timeline.png'] };
  return { ...images, [`${slug}-pack.zip`]: zipPack(slug, { ...text, ...images }) };
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
