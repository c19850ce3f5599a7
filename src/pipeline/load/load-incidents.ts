import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { error, type Diagnostic } from '../diagnostics.js';
import { decodeSourceFile, type SourceFile } from './source-file.js';

/** README.md documents the format and `_`-prefixed files are templates: neither is an incident. */
export function isIncidentFileName(name: string): boolean {
  return (
    /\.(md|markdown)$/i.test(name) &&
    !name.startsWith('_') &&
    !name.startsWith('.') &&
    !/^readme\./i.test(name)
  );
}

async function listIncidentPaths(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && isIncidentFileName(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter(
      (path) =>
        !relative(dir, path)
          .split(/[\\/]/)
          .some((part) => part.startsWith('.') || part.startsWith('_')),
    )
    .sort();
}

/** Reads the given files (or every incident under a folder) and rejects duplicate slugs. */
export async function loadIncidents(
  paths: readonly string[],
  display: (absolute: string) => string = (p) => relative(process.cwd(), p) || p,
): Promise<{ files: SourceFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: SourceFile[] = [];
  const expanded: string[] = [];
  for (const path of paths) {
    try {
      const listed = await listIncidentPaths(path);
      expanded.push(...listed);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') expanded.push(path);
      else if (code === 'ENOENT') {
        diagnostics.push(
          error(
            'load/missing',
            display(path),
            { line: 1 },
            'no such file or folder',
            'check the path; incidents live in incidents/ by default',
          ),
        );
      } else throw cause;
    }
  }
  // Read concurrently, then decode in order, so diagnostics and duplicates are stable.
  const contents = await Promise.all(expanded.map((path) => readFile(path)));
  const seen = new Map<string, string>();
  for (const [i, path] of expanded.entries()) {
    const shown = display(path);
    const decoded = decodeSourceFile(shown, new Uint8Array(contents[i] ?? []));
    diagnostics.push(...decoded.diagnostics);
    if (!decoded.file) continue;
    const earlier = seen.get(decoded.file.slug);
    if (earlier) {
      diagnostics.push(
        error(
          'load/duplicate-slug',
          shown,
          { line: 1 },
          `slug "${decoded.file.slug}" is already used by ${earlier}`,
          'rename one of the files: the file name (without .md) is the page address and must be unique',
        ),
      );
      continue;
    }
    seen.set(decoded.file.slug, shown);
    files.push(decoded.file);
  }
  return { files, diagnostics };
}
