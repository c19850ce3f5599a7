/**
 * `npm run build:cli`, after tsc: the command line bundled by esbuild into
 * build/src/cli/main.js (the `bin`, the path every script, test and README command runs)
 * and its lazily loaded chunks in build/src/cli/chunks/.
 *
 * Node spent about 0.3 s of a one-pack `generate` finding, reading and linking the ~670
 * modules the command loads (resolution, package.json lookups, a stat per candidate file),
 * even with the compile cache: a one-pack generate has to finish in under a second (issues 12
 * and 17). Bundled, the same code is ~50 files. The commands and the renderers are still
 * imported lazily (`import()`), so esbuild splits them into chunks and a command loads only
 * what it uses. The rest of build/ stays tsc's one file per module, for the scripts.
 *
 * Left outside the bundle: packages that find their own files on disk next to their code
 * (resvg-js's native binary, subset-font's HarfBuzz WebAssembly). png-encode.js is an entry
 * of its own beside the chunks, where the image workers (raster-workers.ts) import it from.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = `${ROOT}build/src/cli/main.js`;
/** The first line after the shebang of every file the bundler writes. */
const MARK = '// Bundled by scripts/bundle-cli.ts from src/ and node_modules/.';

/**
 * Whether the bundle is newer than what it is made of: tsc's output (tsc -b rewrites its
 * build info only when it emits) and the installed packages (npm rewrites its lock file in
 * node_modules). `npm run build` on an unchanged checkout then costs no more than before.
 */
function upToDate(): boolean {
  try {
    if (!readFileSync(BUNDLE, 'utf8').slice(0, 200).includes(MARK)) return false;
    const made = statSync(BUNDLE).mtimeMs;
    return ['build/tsconfig.build.tsbuildinfo', 'node_modules/.package-lock.json', 'package.json']
      .map((file) => statSync(`${ROOT}${file}`).mtimeMs)
      .every((changed) => changed < made);
  } catch {
    return false;
  }
}

if (!upToDate()) await bundle();

async function bundle(): Promise<void> {
  rmSync(`${ROOT}build/src/cli/chunks`, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [
      { in: 'src/cli/main.ts', out: 'cli/main' },
      { in: 'src/pipeline/render/png-encode.ts', out: 'cli/chunks/png-encode' },
    ],
    outdir: 'build/src',
    chunkNames: 'cli/chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: ['@resvg/resvg-js', 'subset-font'],
    // twitter-text asks for Node's own punycode, which Node 22+ deprecates with a warning on
    // every run; the userland package of the same name (the one Node's warning points to) is
    // the same code.
    alias: { punycode: 'punycode/' },
    // CommonJS packages inside an ES module bundle call require() for Node's own modules.
    banner: {
      js: `${MARK}\nimport { createRequire as incidentpostRequire } from 'node:module'; const require = incidentpostRequire(import.meta.url);`,
    },
    legalComments: 'none',
    logLevel: 'warning',
  });
}
