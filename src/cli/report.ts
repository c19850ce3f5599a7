import { stripVTControlCharacters } from 'node:util';
import { renderUsage, type ArgsDef, type CommandDef } from 'citty';
import pc from 'picocolors';
import {
  formatDiagnostic as formatStyled,
  type Diagnostic,
  type DiagnosticStyle,
} from '../pipeline/diagnostics.js';

const colors = pc.createColors(!process.env['NO_COLOR'] && Boolean(process.stderr.isTTY));

const TERMINAL: DiagnosticStyle = {
  place: (text) => colors.bold(text),
  severity: (text, severity) => (severity === 'error' ? colors.red(text) : colors.yellow(text)),
  hint: (text) => colors.dim(text),
};

/** `path:line:col: error: message [code]` then `  hint: ...`, coloured on a terminal. */
export function formatDiagnostic(d: Diagnostic): string {
  return formatStyled(d, TERMINAL);
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

/**
 * A command's usage on standard output. citty colours it always; piped into a file or `less`,
 * or with NO_COLOR set, it is printed plain (a fresh user found escape codes in `new --help | less`).
 */
export async function printUsage<T extends ArgsDef>(command: CommandDef<T>): Promise<void> {
  const usage = await renderUsage(command);
  const plain = Boolean(process.env['NO_COLOR']) || !process.stdout.isTTY;
  process.stdout.write(`${plain ? stripVTControlCharacters(usage) : usage}\n`);
}
