/**
 * Nothing is published until the incidents, the git subjects shown on the site and everything
 * generated from them pass the secret scanner (src/pipeline/scan/secrets.ts). This module turns
 * its findings into compiler-style errors; it reads no files itself.
 */
import type { SecretAllow } from '../../schemas/config.js';
import { error, type Diagnostic } from '../diagnostics.js';
import { scanSecrets, type SecretFinding } from '../scan/secrets.js';

export interface ScanTarget {
  /** Path as shown in messages. */
  path: string;
  content: string;
}

/** The allowlist entry that would accept this finding, as it goes in incidentpost.config.json. */
export function allowEntry(finding: SecretFinding): string {
  return `{ "rule": "${finding.rule}", "fingerprint": "${finding.fingerprint}" }`;
}

/** One finding as an error at its place, with the rule and how to fix it. */
export function secretDiagnostic(
  path: string,
  finding: SecretFinding,
  where?: { line: number; column: number; context: string },
): Diagnostic {
  const hidden = finding.hidden ? `, hidden by ${finding.hidden}` : '';
  return error(
    `secret/${finding.rule.replace(/^incidentpost\//, '')}`,
    path,
    where ?? finding,
    `found ${finding.description.replace(/\.$/, '')}${where ? ` ${where.context}` : ''}: ${finding.preview}${hidden} (rule ${finding.rule}, fingerprint ${finding.fingerprint})`,
    `remove the secret from the file (write <redacted>), rotate it since it was committed, and rebuild; nothing was published. If it is not a secret, accept it in incidentpost.config.json under "secrets": { "allow": [${allowEntry(finding)}] }`,
  );
}

/**
 * Every secret in every target as an error at its line and column. `allow` entries (rule and
 * fingerprint, from the config) are accepted.
 */
export function scanForSecrets(
  targets: readonly ScanTarget[],
  options: { allow?: readonly SecretAllow[] } = {},
): Diagnostic[] {
  return targets.flatMap((target) =>
    scanSecrets(target.content, options).map((finding) => secretDiagnostic(target.path, finding)),
  );
}
