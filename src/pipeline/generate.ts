/**
 * generate: every incident → its pack at OUT/<slug>/. Unchanged incidents (same pack key) are
 * skipped without being parsed; an incident with errors gets nothing written and keeps its
 * previous good pack; the others still generate. Writers run with bounded concurrency.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { SecretAllow } from '../schemas/config.js';
import type { Facts } from '../schemas/facts.js';
import type { Postmortem } from '../schemas/postmortem.js';
import { PACK_INDEX } from '../schemas/pack.js';
import type { MilestoneSettler } from './analyze/ask-model/settle-milestones.js';
import type { CueConfigEntry } from './analyze/cues.js';
import { analyzeSource } from './analyze-source.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadIncidents } from './load/load-incidents.js';
import type { SourceFile } from './load/source-file.js';
import { packKey } from './publish/pack-key.js';
import type { ImagesInFlight, PackFiles } from './render/render-pack.js';
import { writeFileAtomically } from './format/atomic-write.js';
import {
  completePack,
  hasPendingFiles,
  readManifest,
  readPackIndex,
  writePackAtomically,
} from './publish/write-pack.js';
import { NO_USAGE, type Writer, type WriterUsage } from './write/writer.js';

export interface GenerateOptions {
  /** Incident files or folders. */
  inputs: readonly string[];
  out: string;
  writer: Writer;
  /** Asks a model to settle the milestones the rules are unsure of (or reads its cached answers). */
  settler?: MilestoneSettler | null;
  /** Incidents written at the same time (LLM requests in flight). */
  concurrency?: number;
  /** Told what will be written, then as each pack is written or fails (generateProgress). */
  onProgress?: (event: GenerateEvent) => void;
  /** Secret-scan hits accepted in the config (rule and fingerprint). */
  secretAllow?: readonly SecretAllow[];
  /** A team's own cue entries (`analysis.cues`): they change the facts, so they key the pack. */
  cues?: readonly CueConfigEntry[] | undefined;
  /**
   * Called once every pack's text is written and the pack index with it, while the last
   * images may still be drawing: what the site is built from is then in place (it reads no
   * PNG and no zip), so `build` starts Astro here and the images are drawn beside it. Told
   * the report so far (errors included). generate itself resolves only when every image is
   * written.
   */
  onTextWritten?: (report: GenerateReport) => void;
}

/**
 * What generate is doing, for a progress display: first the plan (packs to write, packs
 * already current, files that failed to load), then one event per pack written or failed
 * (an incident with errors, or a secret in the generated text), `done` of `total` (the packs
 * to write).
 */
export type GenerateEvent =
  | { kind: 'planned'; total: number; unchanged: number; failed: number }
  | { kind: 'written' | 'failed'; slug: string; status: string; done: number; total: number };

export interface GenerateReport {
  generated: string[];
  cached: string[];
  failed: string[];
  removed: string[];
  /** Incidents whose writer wanted a draft and fell back to the built-in writer. */
  fellBack: string[];
  /** What the writer did for each generated incident: "cached draft", "drafted by …", "fell back: …". */
  statuses: Record<string, string>;
  /** What the milestone settler did, for incidents where a model was asked or its answers read. */
  settled: Record<string, string>;
  warnings: string[];
  usage: WriterUsage;
  diagnostics: Diagnostic[];
}

/**
 * The generated text files that go public: scanned for secrets before a pack is written. The
 * other text files are the same content again: facts.json holds the input (scanned before
 * generate runs), postmortem.json and .mdx are the tree postmortem.md is written from. Scanning
 * them too would cost 30 ms per incident (4x) for no text that is not scanned already.
 */
const SCANNED_FILES = ['postmortem.md', 'hn-post.txt', 'twitter-thread.txt', 'timeline.svg'];

/** A pack written from a fallback is marked so the next run tries the writer again. */
const FALLBACK_MARK = ':fallback';

/**
 * Each incident's pack key, and whether the pack on disk already has it. Read concurrently:
 * on a warm build of a thousand incidents this check is the whole of generate's work.
 */
async function checkPacks(
  files: readonly SourceFile[],
  out: string,
  writer: Writer,
  settler?: MilestoneSettler | null,
  cues: readonly CueConfigEntry[] = [],
): Promise<{ file: SourceFile; key: string; fresh: boolean }[]> {
  const teamCues = cues.length > 0 ? `|cues:${JSON.stringify(cues)}` : '';
  return Promise.all(
    files.map(async (file) => {
      const settled = settler ? `|${await settler.keyFor(file)}` : '';
      const key = packKey(file.bytes, `${await writer.keyFor(file)}${settled}${teamCues}`);
      // A pack still waiting for its images (a run killed while drawing them) is made again.
      const fresh =
        (await readManifest(out, file.slug))?.key === key && !hasPendingFiles(out, file.slug);
      return { file, key, fresh };
    }),
  );
}

/**
 * What generate would do, without doing it: `current` when it would write and remove nothing
 * (every incident loads cleanly, its pack is current, and the index lists exactly those
 * packs); `stale`, how many packs it would write. Lets `build` skip generate or run it in
 * its own process only when the work is large.
 */
export async function packStatus(
  options: Pick<GenerateOptions, 'inputs' | 'out' | 'writer' | 'settler' | 'cues'>,
): Promise<{ current: boolean; count: number; stale: number }> {
  const { files, diagnostics } = await loadIncidents(options.inputs);
  const [listed, checked] = await Promise.all([
    readPackIndex(options.out),
    checkPacks(files, options.out, options.writer, options.settler, options.cues),
  ]);
  const stale = checked.filter((entry) => !entry.fresh).length;
  const slugs = files.map((file) => file.slug).sort();
  return {
    current:
      diagnostics.length === 0 &&
      stale === 0 &&
      listed !== null &&
      listed.length === slugs.length &&
      listed.every((slug, i) => slug === slugs[i]),
    count: files.length,
    stale,
  };
}

/**
 * Writes a pack at OUT/<slug>/ for every incident whose pack is not current, `concurrency` at a
 * time, removes the packs of deleted incidents (unless a file failed to load) and rewrites the
 * pack index. Problems are returned as `report.diagnostics`, never thrown; a failed incident
 * keeps its previous pack.
 */
export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const { files, diagnostics } = await loadIncidents(options.inputs);
  const report: GenerateReport = {
    generated: [],
    cached: [],
    failed: [],
    removed: [],
    fellBack: [],
    statuses: {},
    settled: {},
    warnings: [],
    usage: { ...NO_USAGE },
    diagnostics,
  };
  const progress = options.onProgress ?? (() => undefined);
  const checked = await checkPacks(
    files,
    options.out,
    options.writer,
    options.settler,
    options.cues,
  );
  const todo: { file: SourceFile; key: string }[] = [];
  for (const { file, key, fresh } of checked) {
    if (fresh) report.cached.push(file.slug);
    else todo.push({ file, key });
  }
  const total = todo.length;
  let done = 0;
  progress({
    kind: 'planned',
    total,
    unchanged: report.cached.length,
    failed: new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size,
  });
  // The renderers and the image workers load now, while the first incident is analysed and
  // written, instead of when its first image is due; a run with nothing to write loads neither.
  if (total > 0) startRenderer().catch(() => undefined);
  const limit = pLimit(options.concurrency ?? 1);
  // Each written pack's images, settled: the error that stopped one, or null.
  const images: Promise<unknown>[] = [];
  await Promise.all(
    todo.map(({ file, key }) =>
      limit(async () => {
        const written = await generatePack(file, key, options, report);
        if (written.images) images.push(written.images.then(noop, (cause: unknown) => cause));
        progress({
          kind: written.kind,
          slug: file.slug,
          status: written.status,
          done: ++done,
          total,
        });
      }),
    ),
  );
  report.generated.sort();
  // A pack whose incident file is gone is removed, so the site never shows a deleted incident.
  if (!diagnostics.some((d) => d.code.startsWith('load/'))) {
    const known = new Set([...report.generated, ...report.cached, ...report.failed]);
    report.removed.push(...(await removeDeletedPacks(options.out, known)));
  }
  await writeIndex(options.out, report);
  options.onTextWritten?.(report);
  // As before images were drawn after the text: a pack whose image failed throws here, and
  // stays marked as waiting for its files, so the next run makes it again.
  const failure = (await Promise.all(images)).find((cause) => cause !== undefined);
  if (failure !== undefined) throw failure;
  return report;
}

/**
 * One incident's pack: analyse, settle the unsure milestones, write the postmortem, render the
 * pack files, scan them for secrets, then write the pack atomically at OUT/<slug>/. Records the
 * incident in `report` (generated or failed, its status, usage, warnings, diagnostics) and
 * returns the progress event's kind and status. An incident with errors, or whose generated text
 * holds a secret, is `failed` and nothing is written (its previous pack, if any, stays).
 */
async function generatePack(
  file: SourceFile,
  key: string,
  options: GenerateOptions,
  report: GenerateReport,
): Promise<{
  kind: 'written' | 'failed';
  status: string;
  /** A written pack's PNGs and zip, still being drawn: settles once they are in the pack. */
  images?: Promise<void>;
}> {
  // Analysed here rather than all before the first render, so the image workers start drawing
  // with the first incident instead of waiting for the last one's analysis (a tenth of a cold
  // build's main thread). Tasks start in file order and analysis is synchronous (it runs before
  // this function's first await), so the diagnostics keep that order.
  const analyzed = analyzeSource(file, { cues: options.cues });
  report.diagnostics.push(...analyzed.diagnostics);
  if (!analyzed.facts || hasErrors(analyzed.diagnostics)) {
    report.failed.push(file.slug);
    return { kind: 'failed', status: 'errors in the incident, nothing written' };
  }
  const draft = await draftPostmortem(analyzed.facts, file, options, report);
  const { renderPackText, packImageFiles, IMAGE_FILES } = await renderers();
  // Every file but the PNGs and the zip: written now, the rest when the images are drawn.
  const pack = renderPackText(draft.facts, draft.document, draft.images['timeline.svg']);
  // A writer can add text the input never had (a model's draft): scan it before it is
  // written, so a cached pack is always one that passed.
  const leaks = await scanPackForSecrets(pack, join(options.out, file.slug), options.secretAllow);
  if (leaks.length) {
    report.diagnostics.push(...leaks);
    report.failed.push(file.slug);
    return { kind: 'failed', status: 'secret found in the generated text, nothing written' };
  }
  await writePackAtomically(
    options.out,
    {
      slug: file.slug,
      key: draft.fellBack ? `${key}${FALLBACK_MARK}` : key,
      source: file.path,
      writer: options.writer.id,
    },
    pack,
    [...IMAGE_FILES, `${file.slug}-pack.zip`],
  );
  report.generated.push(file.slug);
  report.statuses[file.slug] = draft.status;
  if (draft.settledStatus) report.settled[file.slug] = draft.settledStatus;
  const images = draft.images.pngs.then((pngs) =>
    completePack(options.out, file.slug, packImageFiles(file.slug, pack, pngs)),
  );
  return { kind: 'written', status: draft.status, images };
}

/**
 * The postmortem for one incident's facts: the settler (if any) settles the milestones the
 * rules are unsure of, then the writer drafts from the settled facts. Adds both requests'
 * usage (tokens) and warnings (prefixed with the slug) to `report`, and the slug to
 * `report.fellBack` when either wanted a model's answer and fell back.
 */
async function draftPostmortem(
  rulesFacts: Facts,
  file: SourceFile,
  options: GenerateOptions,
  report: GenerateReport,
): Promise<{
  facts: Facts;
  document: Postmortem;
  /** The writer's status, then the settler's: "cached draft; 2 milestones settled by …". */
  status: string;
  settledStatus: string | null;
  fellBack: boolean;
  /** The pack's images: the SVG laid out, the PNGs drawn on the workers meanwhile. */
  images: ImagesInFlight;
}> {
  const settled = options.settler ? await options.settler.settle(rulesFacts, file) : null;
  const facts = settled?.facts ?? rulesFacts;
  const images = await beginImages(facts);
  const outcome = await options.writer.write(facts, file);
  for (const usage of [outcome.usage, settled?.usage ?? NO_USAGE]) {
    report.usage.requests += usage.requests;
    report.usage.promptTokens += usage.promptTokens;
    report.usage.completionTokens += usage.completionTokens;
  }
  report.warnings.push(
    ...[...(settled?.warnings ?? []), ...outcome.warnings].map(
      (warning) => `${file.slug}: ${warning}`,
    ),
  );
  const fellBack = outcome.fellBack || (settled?.fellBack ?? false);
  if (fellBack) report.fellBack.push(file.slug);
  return {
    facts,
    document: outcome.document,
    status: settled?.status ? `${outcome.status}; ${settled.status}` : outcome.status,
    settledStatus: settled?.status ?? null,
    fellBack,
    images,
  };
}

/** Loads the renderers and the secret scanner and starts the image workers, ahead of first use. */
async function startRenderer(): Promise<void> {
  const [, , , , workers] = await Promise.all([
    import('./render/render-pack.js'),
    import('./render/timeline-png.js'),
    import('./render/fonts.js'),
    import('./publish/scan-secrets.js'),
    import('./render/raster-workers.js'),
  ]);
  workers.startRasterWorkers();
}

/**
 * The renderers (resvg) load on first use: a run with nothing to write never pays for them.
 */
async function renderers() {
  const [pack, { renderPng }, { nodeFontSource }] = await Promise.all([
    import('./render/render-pack.js'),
    import('./render/timeline-png.js'),
    import('./render/fonts.js'),
  ]);
  return { ...pack, tools: { fonts: nodeFontSource, rasterize: renderPng } };
}

/**
 * A pack's images, started from the facts alone and returned once both are handed to the
 * image workers: the caller writes the postmortem and the text files while they are drawn
 * (the built-in writer runs synchronously, so it must start after the hand-over, not merely
 * after this call). A failure to draw is reported where the PNGs are awaited.
 */
async function beginImages(facts: Facts): Promise<ImagesInFlight> {
  const { startImages, tools } = await renderers();
  let handedOver = () => undefined as void;
  const started = new Promise<void>((resolve) => (handedOver = resolve));
  const images = startImages(facts, tools, handedOver);
  await Promise.race([started, images.then((begun) => begun.pngs).then(noop, noop)]);
  return images;
}

const noop = () => undefined;

/**
 * The secrets in a pack's public text files (SCANNED_FILES), as error diagnostics at
 * `<packDir>/<file name>`; none when every hit is accepted in `allow` (the config's
 * `secretAllow`, rule and fingerprint). The scanner loads on first use.
 */
async function scanPackForSecrets(
  pack: PackFiles,
  packDir: string,
  allow: readonly SecretAllow[] = [],
): Promise<Diagnostic[]> {
  const { scanForSecrets } = await import('./publish/scan-secrets.js');
  return scanForSecrets(
    SCANNED_FILES.flatMap((name) => {
      const data = pack[name];
      return typeof data === 'string' ? [{ path: join(packDir, name), content: data }] : [];
    }),
    { allow },
  );
}

/**
 * Removes the packs under `out` whose incident is not in `known` (its file was deleted or
 * renamed), and returns their slugs. Only folders with a pack manifest are removed: anything
 * else a user keeps there is left alone.
 */
async function removeDeletedPacks(out: string, known: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(out, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || known.has(entry.name)) continue;
    if (!(await readManifest(out, entry.name))) continue;
    await rm(join(out, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/**
 * Writes the pack index (OUT/PACK_INDEX, `{ packs: [slug, ...] }` sorted): the packs generated
 * or current, and the failed incidents' previous packs that are kept on disk.
 */
async function writeIndex(out: string, report: GenerateReport): Promise<void> {
  const kept = await Promise.all(
    report.failed.map(async (slug) => ((await readManifest(out, slug)) ? [slug] : [])),
  );
  const slugs = [...report.generated, ...report.cached, ...kept.flat()].sort();
  await mkdir(out, { recursive: true });
  await writeFileAtomically(
    join(out, PACK_INDEX),
    `${JSON.stringify({ packs: slugs }, null, 2)}\n`,
  );
}
