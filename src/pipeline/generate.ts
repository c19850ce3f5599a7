/**
 * generate: every incident → its pack at OUT/<slug>/. Unchanged incidents (same pack key) are
 * skipped without being parsed; an incident with errors gets nothing written and keeps its
 * previous good pack; the others still generate. Writers run with bounded concurrency.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { SecretAllow } from '../schemas/config.js';
import { PACK_INDEX } from '../schemas/pack.js';
import type { MilestoneSettler } from './analyze/ask-model/settle-milestones.js';
import type { CueConfigEntry } from './analyze/cues.js';
import { analyzeSource } from './analyze-source.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadIncidents } from './load/load-incidents.js';
import type { SourceFile } from './load/source-file.js';
import { packKey } from './publish/pack-key.js';
import { writeFileAtomically } from './format/atomic-write.js';
import { readManifest, readPackIndex, writePackAtomically } from './publish/write-pack.js';
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
      return { file, key, fresh: (await readManifest(out, file.slug))?.key === key };
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

/** The renderer and the secret scanner, loaded, with the image workers starting. */
async function importRenderTools() {
  const tools = await Promise.all([
    import('./render/render-pack.js'),
    import('./render/timeline-png.js'),
    import('./render/fonts.js'),
    import('./publish/scan-secrets.js'),
    import('./render/raster-workers.js'),
  ]);
  tools[4].startRasterWorkers();
  return tools;
}

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
  // Rendering (resvg) and secret scanning load only when there is a pack to write, and then
  // now: the image workers start while the first incident is analysed and written.
  let renderTools: ReturnType<typeof importRenderTools> | null = null;
  const loadRenderTools = () => (renderTools ??= importRenderTools());
  if (total > 0) loadRenderTools().catch(() => undefined);
  const limit = pLimit(options.concurrency ?? 1);
  await Promise.all(
    todo.map(({ file, key }) =>
      limit(async () => {
        // Analysed here rather than all before the first render, so the image workers start
        // drawing with the first incident instead of waiting for the last one's analysis (a
        // tenth of a cold build's main thread). Tasks start in file order and analysis is
        // synchronous, so the diagnostics keep that order.
        const analyzed = analyzeSource(file, { cues: options.cues });
        diagnostics.push(...analyzed.diagnostics);
        if (!analyzed.facts || hasErrors(analyzed.diagnostics)) {
          report.failed.push(file.slug);
          progress({
            kind: 'failed',
            slug: file.slug,
            status: 'errors in the incident, nothing written',
            done: ++done,
            total,
          });
          return;
        }
        const rulesFacts = analyzed.facts;
        const settled = options.settler ? await options.settler.settle(rulesFacts, file) : null;
        const facts = settled?.facts ?? rulesFacts;
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
        const status = settled?.status ? `${outcome.status}; ${settled.status}` : outcome.status;
        const [{ renderPack }, { renderPng }, { nodeFontSource }, { scanForSecrets }] =
          await loadRenderTools();
        const pack = await renderPack(facts, outcome.document, {
          fonts: nodeFontSource,
          rasterize: renderPng,
        });
        // A writer can add text the input never had (a model's draft): scan it before it is
        // written, so a cached pack is always one that passed.
        const leaks = scanForSecrets(
          SCANNED_FILES.flatMap((name) => {
            const data = pack[name];
            return typeof data === 'string'
              ? [{ path: join(options.out, file.slug, name), content: data }]
              : [];
          }),
          { allow: options.secretAllow ?? [] },
        );
        if (leaks.length) {
          diagnostics.push(...leaks);
          report.failed.push(file.slug);
          progress({
            kind: 'failed',
            slug: file.slug,
            status: 'secret found in the generated text, nothing written',
            done: ++done,
            total,
          });
          return;
        }
        await writePackAtomically(
          options.out,
          {
            slug: file.slug,
            key: fellBack ? `${key}${FALLBACK_MARK}` : key,
            source: file.path,
            writer: options.writer.id,
          },
          pack,
        );
        report.generated.push(file.slug);
        report.statuses[file.slug] = status;
        if (settled?.status) report.settled[file.slug] = settled.status;
        progress({ kind: 'written', slug: file.slug, status, done: ++done, total });
      }),
    ),
  );
  report.generated.sort();
  // A pack whose incident file is gone is removed, so the site never shows a deleted incident.
  const failedLoads = diagnostics.some((d) => d.code.startsWith('load/'));
  const known = new Set([...report.generated, ...report.cached, ...report.failed]);
  if (!failedLoads) {
    for (const entry of await readdir(options.out, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || known.has(entry.name)) continue;
      if (!(await readManifest(options.out, entry.name))) continue;
      await rm(join(options.out, entry.name), { recursive: true, force: true });
      report.removed.push(entry.name);
    }
  }
  const kept = await Promise.all(
    report.failed.map(async (slug) => ((await readManifest(options.out, slug)) ? [slug] : [])),
  );
  const slugs = [...report.generated, ...report.cached, ...kept.flat()].sort();
  await mkdir(options.out, { recursive: true });
  await writeFileAtomically(
    join(options.out, PACK_INDEX),
    `${JSON.stringify({ packs: slugs }, null, 2)}\n`,
  );
  return report;
}
