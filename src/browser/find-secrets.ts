/**
 * The page's secret scanner: the same rules `incidentpost build` applies before anything is
 * published, run on the paste and on every generated file before they can be downloaded.
 * One import to change when the scanner does.
 */
import type { Diagnostic } from '../pipeline/diagnostics.js';
import { scanForSecrets } from '../pipeline/publish/scan-secrets.js';

export interface ScannedText {
  /** Name shown in the warning: the incident file or a pack file. */
  path: string;
  content: string;
}

/** Every secret found, as an error at its file, line and column with the rule that found it. */
export function findSecrets(texts: readonly ScannedText[]): Diagnostic[] {
  return scanForSecrets(texts);
}
