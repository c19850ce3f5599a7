/**
 * The page's scanners: the same rules `incidentpost build` applies before anything is
 * published. Secrets are looked for in the paste and in every generated file before they can be
 * downloaded; personal data in the paste, as `check` and `build` warn of it by default.
 * One import to change when a scanner does.
 */
import type { Diagnostic } from '../pipeline/diagnostics.js';
import { personalDataDiagnostics } from '../pipeline/publish/scan-personal-data.js';
import { scanForSecrets } from '../pipeline/publish/scan-secrets.js';
import { PrivacyConfigSchema } from '../schemas/config.js';

export interface ScannedText {
  /** Name shown in the warning: the incident file or a pack file. */
  path: string;
  content: string;
}

/** Every secret found, as an error at its file, line and column with the rule that found it. */
export function findSecrets(texts: readonly ScannedText[]): Diagnostic[] {
  return scanForSecrets(texts);
}

/** Personal data (e-mail addresses, phone numbers, internal hosts, ...) as warnings, with the default privacy settings. */
export function findPersonalData(texts: readonly ScannedText[]): Diagnostic[] {
  const privacy = PrivacyConfigSchema.parse({});
  return texts.flatMap((text) => personalDataDiagnostics(text, { privacy }));
}
