/**
 * render: (facts, postmortem) → the files of one pack. Pure: the same input gives the same
 * bytes, with no wall-clock time anywhere, so reruns are byte-identical.
 */
import { zipSync, type Zippable } from 'fflate';
import type { Facts } from '../../schemas/facts.js';
import type { Postmortem } from '../../schemas/postmortem.js';
import { toMarkdownText, toMdxText } from './markdown.js';
import { postmortemTree } from './postmortem-tree.js';
import { renderHnPost, renderTwitterThread } from './text-posts.js';
import { renderPng } from './timeline-png.js';
import { renderOgPng } from './og-image.js';
import { PACK_FILES } from './pack-files.js';
import { renderTimelineSvg } from './timeline-svg.js';

export type PackFiles = Record<string, string | Uint8Array>;

// A fixed timestamp keeps the zip byte-identical between runs.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

/** One zip of the downloadable files; PNGs are stored as they are, already compressed. */
function zipPack(slug: string, files: PackFiles): Uint8Array {
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

export async function renderPack(facts: Facts, document: Postmortem): Promise<PackFiles> {
  const files = await renderPackFiles(facts, document);
  return { ...files, [`${facts.slug}-pack.zip`]: zipPack(facts.slug, files) };
}

async function renderPackFiles(facts: Facts, document: Postmortem): Promise<PackFiles> {
  const svg = renderTimelineSvg(facts);
  const [og, timeline] = await Promise.all([renderOgPng(facts), renderPng(svg)]);
  return {
    'postmortem.md': toMarkdownText(postmortemTree(facts, document)),
    // The site page shows the title, figures and metrics itself; its MDX body starts at the summary.
    'postmortem.mdx': toMdxText(postmortemTree(facts, document, { body: true })),
    'og.png': og,
    'timeline.svg': svg,
    'timeline.png': timeline,
    'hn-post.txt': renderHnPost(document),
    'twitter-thread.txt': renderTwitterThread(document),
    'facts.json': `${JSON.stringify(facts, null, 2)}\n`,
    'postmortem.json': `${JSON.stringify(document, null, 2)}\n`,
  };
}
