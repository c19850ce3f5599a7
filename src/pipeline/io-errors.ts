/**
 * Errors the machine causes, not the input: a full disk, a read-only or forbidden folder.
 * They name the path and what to do instead of surfacing as an internal error.
 */
import { error, type Diagnostic } from './diagnostics.js';

const ADVICE: Readonly<Record<string, { message: string; hint: string }>> = {
  ENOSPC: {
    message: 'no space left on the disk',
    hint: 'free some space (`df -h` shows how much is left) and run again; nothing already published was changed',
  },
  EDQUOT: {
    message: 'disk quota exceeded',
    hint: 'free some space within your quota and run again; nothing already published was changed',
  },
  EROFS: {
    message: 'the file system is read-only',
    hint: 'choose an output folder on a writable disk (--out, --packs), or remount it read-write',
  },
  EACCES: {
    message: 'permission denied',
    hint: 'give your user write permission on that folder, or choose another with --out / --packs',
  },
  EPERM: {
    message: 'operation not permitted',
    hint: 'give your user write permission on that folder, or choose another with --out / --packs',
  },
  EMFILE: {
    message: 'too many open files',
    hint: 'raise the limit (`ulimit -n 4096`) and run again',
  },
};

/** The diagnostic for an I/O error a user can fix, or null for anything else (a bug). */
export function ioErrorDiagnostic(cause: unknown): Diagnostic | null {
  const errno = cause as NodeJS.ErrnoException | null;
  const advice = errno?.code ? ADVICE[errno.code] : undefined;
  if (!advice) return null;
  const path = errno?.path ?? (errno as { dest?: string } | null)?.dest ?? '.';
  return error(
    `io/${errno?.code?.toLowerCase() ?? 'error'}`,
    path,
    { line: 1 },
    `${advice.message} (${errno?.syscall ?? 'writing'} ${path})`,
    advice.hint,
  );
}

/**
 * `cause` with `path` set when it has none: a failed write(2) (a full disk) carries no path, and
 * the message must say which file. Returns the same error object.
 */
export function withPath(cause: unknown, path: string): unknown {
  if (cause instanceof Error && !(cause as NodeJS.ErrnoException).path)
    Object.assign(cause, { path });
  return cause;
}
