/**
 * Problems are values, not exceptions: every stage returns them so one run reports every
 * mistake in every file, the way a compiler does.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable identifier for tests and docs, e.g. `time/impossible`. */
  code: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  /** What to do about it. */
  hint: string;
}

export function error(
  code: string,
  file: string,
  place: { line: number; column?: number },
  message: string,
  hint: string,
): Diagnostic {
  return {
    code,
    severity: 'error',
    file,
    line: place.line,
    column: place.column ?? 1,
    message,
    hint,
  };
}

export function warning(
  code: string,
  file: string,
  place: { line: number; column?: number },
  message: string,
  hint: string,
): Diagnostic {
  return { ...error(code, file, place, message, hint), severity: 'warning' };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** How the parts of a printed diagnostic look: colours on a terminal (src/cli/report.ts), plain elsewhere. */
export interface DiagnosticStyle {
  place: (text: string) => string;
  severity: (text: string, severity: Severity) => string;
  hint: (text: string) => string;
}

const PLAIN: DiagnosticStyle = { place: (t) => t, severity: (t) => t, hint: (t) => t };

/**
 * `path:line:col: error: message [code]` then `  hint: ...`, as compilers print: the one
 * printer for the CLI, the site build and astro.config.mjs.
 */
export function formatDiagnostic(d: Diagnostic, style: DiagnosticStyle = PLAIN): string {
  const place = style.place(`${d.file}:${d.line}:${d.column}`);
  return `${place}: ${style.severity(d.severity, d.severity)}: ${d.message} [${d.code}]\n  ${style.hint('hint:')} ${d.hint}`;
}
