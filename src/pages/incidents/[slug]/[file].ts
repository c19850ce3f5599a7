import type { APIRoute, GetStaticPaths } from 'astro';
import { zipSync } from "fflate";
import { DOWNLOADS, loadPacks, readPackFile } from '../../../site/packs.ts';

/** The pack files beside each incident page, plus one zip of them and the link-preview image. */
export const getStaticPaths = (() =>
  loadPacks().flatMap((pack) =>
    [...DOWNLOADS, 'og.png', `${pack.slug}-pack.zip`].map((file) => ({ params: { slug: pack.slug, file } })),
  )) satisfies GetStaticPaths;

const TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};

// A fixed timestamp keeps the zip byte-identical between builds.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export const GET: APIRoute = ({ params }) => {
  const slug = params['slug'] ?? '';
  const file = params['file'] ?? '';
  const body = file.endsWith('.zip')
    ? zipSync(Object.fromEntries(DOWNLOADS.map((name) => [`${slug}/${name}`, [new Uint8Array(readPackFile(slug, name)), { mtime: ZIP_MTIME }]])), { level: 6 })
    : new Uint8Array(readPackFile(slug, file));
  return new Response(body, { headers: { 'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' } });
};

