/**
 * generate: every incident → its pack at OUT/<slug>/. Unchanged incidents (same pack key) are
 * skipped without being parsed; an incident with errors gets nothing written and keeps its
 * previous good pack; the others still generate.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeSource } from './analyze-source.js';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { loadIncidents } from './load/load-incidents.js';
import { packKey } from './publish/pack-key.js';
import { readManifest, writeFileAtomically, writePackAtomically } from './publish/write-pack.js';
import { renderPack } from './render/render-pack.js';
import type { Writer } from './write/writer.js';

export interface GenerateOptions {
  /** Incident files or folders. */
  inputs: readonly string[];
  out: string;
  writer: Writer;
  onProgress?: (line: string) => void;
}

export interface GenerateReport {
  generated: string[];
  cached: string[];
  failed: string[];
  removed: string[];
  diagnostics: Diagnostic[];
}

export async function generate(options: GenerateOptions): Promise<GenerateReport> {
  const { files, diagnostics } = await loadIncidents(options.inputs);
  const report: GenerateReport = {
    generated: [],
    cached: [],
    failed: [],
    removed: [],
    diagnostics,
  };
  const progress = options.onProgress ?? (() => undefined);
  for (const file of files) {
    const key = packKey(file.bytes, options.writer);
    if ((await readManifest(options.out, file.slug))?.key === key) {
      report.cached.push(file.slug);
      progress(`${file.slug}: unchanged`);
      continue;
    }
    const analyzed = analyzeSource(file);
    diagnostics.push(...analyzed.diagnostics);
    if (!analyzed.facts || hasErrors(analyzed.diagnostics)) {
      report.failed.push(file.slug);
      progress(`${file.slug}: failed, nothing written`);
      continue;
    }
    const outcome = await options.writer.write(analyzed.facts, file.text);
    const pack = renderPack(analyzed.facts, outcome.document);
    await writePackAtomically(
      options.out,
      {
        slug: file.slug,
        key,
        source: file.path,
        writer: `${options.writer.id}@${options.writer.version}`,
      },
      pack,
    );
    report.generated.push(file.slug);
    progress(`${file.slug}: ${outcome.status}`);
  }
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
    join(options.out, 'index.json'),
    `${JSON.stringify({ packs: slugs }, null, 2)}\n`,
  );
  return report;
}
