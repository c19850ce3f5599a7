/**
 * Personal data found by the scanner (scan/personal-data.ts) as compiler-style diagnostics:
 * warnings, or errors with `privacy.mode: "block"`. Pure, so the /new/ page runs it too.
 */
import type { Config } from '../../schemas/config.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { scanPersonalData } from '../scan/personal-data.js';
import type { ScanTarget } from './scan-secrets.js';

export type ScanSettings = Pick<Config, 'secrets' | 'privacy'>;

/** Personal data in one text, as warnings (or errors when the config says block). */
export function personalDataDiagnostics(
  target: ScanTarget,
  settings: Pick<ScanSettings, 'privacy'>,
): Diagnostic[] {
  if (settings.privacy.mode === 'off') return [];
  const report = settings.privacy.mode === 'block' ? error : warning;
  return scanPersonalData(target.content, { allow: settings.privacy.allow }).map((found) =>
    report(
      `privacy/${found.kind}`,
      target.path,
      found,
      `${found.description} will be published: "${found.value}"`,
      `replace it with a role ("the on-call engineer", "a database host") or <redacted>; if it is meant to be public, add "${found.value}" to "privacy": { "allow": [...] } in incidentpost.config.json`,
    ),
  );
}
