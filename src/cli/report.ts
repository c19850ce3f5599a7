import pc from 'picocolors';
import type { Diagnostic } from '../pipeline/diagnostics.js';

const colors = pc.createColors(!process.env['NO_COLOR'] && Boolean(process.stderr.isTTY));

/** `path:line:col: error: message` then `  hint: ...`, as compilers print. */
export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === 'error' ? colors.red('error') : colors.yellow('warning');
  const place = colors.bold(`${d.file}:${d.line}:${d.column}`);
  return `${place}: ${label}: ${d.message} [${d.code}]\n  ${colors.dim('hint:')} ${d.hint}`;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const sorted = [...diagnostics].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
  for (const d of sorted) process.stderr.write(`${formatDiagnostic(d)}\n`);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) {
    process.stderr.write(
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
}

/** One progress line per incident, only on a terminal so logs and pipes stay clean. */
export function progress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${colors.dim('›')} ${message}\n`);
}
