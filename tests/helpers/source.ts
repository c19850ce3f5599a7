import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeSourceFile, type SourceFile } from '../../src/pipeline/load/source-file.js';

/** A SourceFile from text, as the loader would make it. */
export function sourceFromText(text: string, path = 'incidents/2026-01-10-test.md'): SourceFile {
  const decoded = decodeSourceFile(path, new TextEncoder().encode(text));
  if (!decoded.file) throw new Error(decoded.diagnostics.map((d) => d.message).join('; '));
  return decoded.file;
}

export function sourceFromFixture(path: string): SourceFile {
  const decoded = decodeSourceFile(
    `incidents/${basename(path)}`,
    new Uint8Array(readFileSync(path)),
  );
  if (!decoded.file) throw new Error(decoded.diagnostics.map((d) => d.message).join('; '));
  return decoded.file;
}
