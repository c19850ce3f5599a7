/**
 * The Node versions incidentpost supports are package.json's `engines.node`. An older Node
 * runs it (npm only warns at install) but fails in ways no user would trace to the runtime:
 * Node 20's `Intl.Segmenter`, for one, is quadratic in its input. So the CLI says so, once.
 */
import { readFileSync } from 'node:fs';
import { error, type Diagnostic } from '../pipeline/diagnostics.js';

/** `[major, minor, patch]` of `22.12.0`, `v20.20.2` or `22.12`; null for anything else. */
function parseVersion(version: string): [number, number, number] | null {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/**
 * Whether `version` is older than the lowest version `range` allows. Reads the `>=X.Y.Z` form
 * package.json uses; a range in any other form is not judged (false).
 */
export function isOlderThan(version: string, range: string): boolean {
  const lowest = /^\s*>=\s*(\S+)\s*$/.exec(range)?.[1];
  const have = parseVersion(version);
  const need = lowest === undefined ? null : parseVersion(lowest);
  if (!have || !need) return false;
  for (let i = 0; i < 3; i++) {
    if ((have[i] ?? 0) !== (need[i] ?? 0)) return (have[i] ?? 0) < (need[i] ?? 0);
  }
  return false;
}

/**
 * `engines.node` of incidentpost's package.json, found from this module upwards (it runs from
 * `src/cli/` in tests, and from a chunk of the bundle in `build/src/cli/chunks/` when built);
 * null when none is found.
 */
export function requiredNode(): string | null {
  for (const up of ['../../', '../../../', '../../../../'].map((dir) => `${dir}package.json`)) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as {
        name?: unknown;
        engines?: { node?: unknown };
      };
      if (manifest.name === 'incidentpost' && typeof manifest.engines?.node === 'string')
        return manifest.engines.node;
    } catch {
      // Not there (or not ours): look one folder further up.
    }
  }
  return null;
}

/**
 * The warning for running on `version` (process.version), or null when it is supported.
 * @param range package.json's `engines.node`, e.g. `>=22.12`.
 */
export function oldNodeWarning(version: string, range: string | null): string | null {
  if (range === null || !isOlderThan(version, range)) return null;
  return (
    `incidentpost: warning: this is Node ${version}, older than incidentpost supports (node ${range}); ` +
    'large timelines can run out of memory and other things may fail\n' +
    `  hint: install Node ${range.replace(/^\s*>=\s*/, '')} or later, or run it through npm ` +
    '(`npm run incidentpost -- <command>`), which uses the Node `npm install` put in node_modules\n'
  );
}

/** The oldest Node Astro runs on (astro's package.json says `>=22.12.0`). */
export const ASTRO_NODE = '>=22.12';

/**
 * The error `build` stops with, before the site build, on a Node Astro cannot run on; null on
 * a Node it can. `version` is process.versions.node.
 */
export function astroNodeDiagnostic(version: string): Diagnostic | null {
  if (!isOlderThan(version, ASTRO_NODE)) return null;
  return error(
    'build/node-version',
    'package.json',
    { line: 1 },
    `Astro needs Node 22.12 or newer; this is Node ${version}`,
    'run `npm run build`: npm scripts use the Node 24 pinned in devDependencies',
  );
}
