import { lstat, readdir, readFile } from 'node:fs/promises';
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

function hiddenOrTemplate(dir: string, path: string): boolean {
  return relative(dir, path)
    .split(/[\\/]/)
    .some((part) => part.startsWith('.') || part.startsWith('_'));
}

/**
 * Every incident file under a folder. A symbolic link would publish whatever it points at, and
 * a folder named like an incident would publish its inner files under other names: both are
 * refused with an error rather than followed or skipped in silence.
 */
async function listIncidentPaths(
  dir: string,
  display: (absolute: string) => string,
  diagnostics: Diagnostic[],
): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const paths: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (hiddenOrTemplate(dir, path)) continue;
    if (entry.isSymbolicLink()) diagnostics.push(symlinkRefused(display(path)));
    else if (entry.isDirectory() && isIncidentFileName(entry.name))
      diagnostics.push(
        error(
          'load/folder-named-like-incident',
          display(path),
          { line: 1 },
          'this is a folder named like an incident file; its contents are not read as this incident',
          'rename the folder (without .md), or move the incident file out of it',
        ),
      );
    else if (entry.isFile() && isIncidentFileName(entry.name)) paths.push(path);
  }
  // Files inside a refused folder are not incidents either.
  const refused = diagnostics
    .filter((d) => d.code === 'load/folder-named-like-incident')
    .map((d) => d.file);
  return paths
    .filter((path) => !refused.some((folder) => display(path).startsWith(`${folder}/`)))
    .sort();
}

function unreadable(shown: string, cause: unknown): Diagnostic {
  const code = (cause as NodeJS.ErrnoException).code ?? 'unknown error';
  return error(
    'load/unreadable',
    shown,
    { line: 1 },
    `cannot be read (${code})`,
    code === 'EACCES'
      ? 'give your user read permission on it (chmod u+r)'
      : 'check that the path is a readable file or folder',
  );
}

function symlinkRefused(shown: string): Diagnostic {
  return error(
    'load/symlink',
    shown,
    { line: 1 },
    'this is a symbolic link; IncidentPost does not follow links, so it is not published',
    'commit the incident file itself (or pass the real folder); links can point outside the repository',
  );
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
      const kind = await lstat(path);
      if (kind.isSymbolicLink()) diagnostics.push(symlinkRefused(display(path)));
      else if (kind.isDirectory())
        expanded.push(...(await listIncidentPaths(path, display, diagnostics)));
      else expanded.push(path);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        diagnostics.push(
          error(
            'load/missing',
            display(path),
            { line: 1 },
            'no such file or folder',
            'check the path; incidents live in incidents/ by default',
          ),
        );
      } else diagnostics.push(unreadable(display(path), cause));
    }
  }
  // Read concurrently, then decode in order, so diagnostics and duplicates are stable.
  const contents = await Promise.all(
    expanded.map((path) =>
      readFile(path).catch((cause: unknown) => {
        diagnostics.push(unreadable(display(path), cause));
        return null;
      }),
    ),
  );
  const seen = new Map<string, string>();
  for (const [i, path] of expanded.entries()) {
    const shown = display(path);
    const content = contents[i];
    if (!content) continue;
    const decoded = decodeSourceFile(shown, new Uint8Array(content));
    diagnostics.push(...decoded.diagnostics);
    if (!decoded.file) continue;
    // Compared without case: on macOS and Windows `Outage` and `outage` are one folder.
    const earlier = seen.get(decoded.file.slug.toLowerCase());
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
    seen.set(decoded.file.slug.toLowerCase(), shown);
    files.push(decoded.file);
  }
  return { files, diagnostics };
}
