/**
 * The scans of incident text before anything is generated from it: secrets (errors) and
 * personal data (warnings, or errors with `privacy.mode: "block"`). Used by `check` on the
 * files it read and by `build` on every incident file, including a single `--incidents FILE`.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { isIncidentFileName } from '../load/load-incidents.js';
import { personalDataDiagnostics, type ScanSettings } from './scan-personal-data.js';
import { scanForSecrets, type ScanTarget } from './scan-secrets.js';
import { writeFileAtomically } from '../format/atomic-write.js';

export type { ScanSettings };

/** Secrets and personal data in the given texts. */
export function scanTexts(targets: readonly ScanTarget[], settings: ScanSettings): Diagnostic[] {
  return [
    ...scanForSecrets(targets, { allow: settings.secrets.allow }),
    ...targets.flatMap((target) => personalDataDiagnostics(target, settings)),
  ];
}

/** Incident files under a folder, or the one file given. */
async function incidentPaths(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => null);
  if (!info) return [];
  if (info.isFile()) return [path];
  const entries = await readdir(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && isIncidentFileName(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Bump when the rules change, so every input is scanned again. */
const SCAN_VERSION = '2';

function contentHash(content: string, settings: ScanSettings): string {
  return createHash('sha256')
    .update(`${SCAN_VERSION}\0${JSON.stringify(settings)}\0${content}`)
    .digest('hex');
}

/**
 * Every incident under `incidents` (a folder or one file), scanned before anything is
 * generated. Contents that passed with nothing to say before (by sha256, in `cacheFile`) are
 * not scanned again; a text with anything to report is scanned (and reported) every time.
 */
export async function scanInputs(options: {
  incidents: string;
  settings: ScanSettings;
  cacheFile?: string;
}): Promise<Diagnostic[]> {
  const targets: ScanTarget[] = await Promise.all(
    (await incidentPaths(options.incidents)).map(async (path) => ({
      path,
      content: await readFile(path, 'utf8'),
    })),
  );
  const clean = new Set<string>(
    options.cacheFile
      ? ((
          JSON.parse(await readFile(options.cacheFile, 'utf8').catch(() => '[]')) as unknown[]
        ).filter((h) => typeof h === 'string') as string[])
      : [],
  );
  const diagnostics: Diagnostic[] = [];
  const passed: string[] = [];
  for (const target of targets) {
    const hash = contentHash(target.content, options.settings);
    const found = clean.has(hash) ? [] : scanTexts([target], options.settings);
    diagnostics.push(...found);
    if (found.length === 0) passed.push(hash);
  }
  if (options.cacheFile) {
    await mkdir(dirname(options.cacheFile), { recursive: true });
    await writeFileAtomically(options.cacheFile, `${JSON.stringify(passed.sort())}\n`);
  }
  return diagnostics;
}
