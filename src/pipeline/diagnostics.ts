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
