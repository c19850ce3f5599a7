/**
 * Nothing is published until the incidents and everything generated from them are scanned for
 * secrets: secretlint's recommended rules, plus two it lacks (any URL with an inline password,
 * and a private-key header even when the key body is truncated, as pasted keys often are).
 */
import { lintSource } from '@secretlint/core';
import { creator as recommended } from '@secretlint/secretlint-rule-preset-recommend';
import type { SecretLintCoreConfig, SecretLintRuleCreator } from '@secretlint/types';
import { error, type Diagnostic } from '../diagnostics.js';

const URL_PASSWORD =
  /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^:/\s@]{1,100}):([^@/\s]{1,200})@[^\s/?#]+/gi;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g;
/** Placeholders people write in docs; not secrets. */
const PLACEHOLDER =
  /^(?:\*+|x+|\.\.\.|<[^>]*>|\$\{?[A-Z_]+\}?|password|pass|secret|redacted|changeme|example)$/i;

/** A secretlint rule that reports every match of a pattern (unless `skip` says it is a placeholder). */
function patternRule(
  id: string,
  pattern: RegExp,
  message: string,
  skip: (match: RegExpExecArray) => boolean = () => false,
): SecretLintRuleCreator {
  return {
    messages: { FOUND: { en: () => message } },
    meta: { id, recommended: true, type: 'scanner', supportedContentTypes: ['text'] },
    create(context) {
      const t = context.createTranslator(this.messages);
      return {
        file(source) {
          for (const match of source.content.matchAll(pattern)) {
            if (!skip(match))
              context.report({
                message: t('FOUND', {}),
                range: [match.index, match.index + match[0].length],
              });
          }
        },
      };
    },
  };
}

const urlPassword = patternRule(
  'incidentpost/url-password',
  URL_PASSWORD,
  'found a URL with an inline password',
  (match) => PLACEHOLDER.test(match[3] ?? ''),
);
const privateKeyHeader = patternRule(
  'incidentpost/private-key-header',
  PRIVATE_KEY,
  'found the start of a private key',
);

const config: SecretLintCoreConfig = {
  rules: [
    { id: '@secretlint/secretlint-rule-preset-recommend', rule: recommended },
    { id: 'incidentpost/url-password', rule: urlPassword },
    { id: 'incidentpost/private-key-header', rule: privateKeyHeader },
  ],
};

export interface ScanTarget {
  /** Path as shown in messages. */
  path: string;
  content: string;
}

/** Every hit as an error at its line and column, with the rule and how to fix it. */
export async function scanForSecrets(targets: readonly ScanTarget[]): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const result = await lintSource({
      source: { content: target.content, filePath: target.path, contentType: 'text' },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    const seen = new Set<string>();
    for (const message of result.messages) {
      const place = `${message.loc.start.line}:${message.loc.start.column}`;
      // The preset and our rules can both flag one key; report each place once.
      if (seen.has(place)) continue;
      seen.add(place);
      diagnostics.push(
        error(
          `secret/${message.ruleId.replace(/^@secretlint\/secretlint-rule-|^incidentpost\//, '')}`,
          target.path,
          { line: message.loc.start.line, column: message.loc.start.column + 1 },
          `${message.message} (rule ${message.ruleId})`,
          'remove the secret from the file (write <redacted>), rotate it since it was committed, and rebuild; nothing was published',
        ),
      );
    }
  }
  return diagnostics;
}
