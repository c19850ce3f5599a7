/**
 * Swapping two paths in one step. rename(2) cannot put a link where a non-empty folder is
 * (EISDIR, ENOTEMPTY), so turning a plain `dist/` into `dist -> dist.versions/<id>/` with
 * renames leaves a moment without `dist`. Linux's renameat2(RENAME_EXCHANGE) (3.15+, glibc
 * 2.28+) and macOS's renamex_np(RENAME_SWAP) swap two names atomically. Node has neither, so
 * they are called through Python's ctypes, which the machines that build sites have (Debian,
 * Ubuntu, GitHub's runners, macOS); without it the caller falls back to two renames.
 */
import { execFile } from 'node:child_process';

/** Calls the platform's swap on argv[1] and argv[2]; exits 3 where there is none. */
const SWAP = `
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
a, b = (os.fsencode(p) for p in sys.argv[1:3])
if sys.platform.startswith('linux') and hasattr(libc, 'renameat2'):
    result = libc.renameat2(-100, a, -100, b, 2)  # AT_FDCWD, RENAME_EXCHANGE
elif sys.platform == 'darwin' and hasattr(libc, 'renamex_np'):
    result = libc.renamex_np(a, b, 2)  # RENAME_SWAP
else:
    sys.exit(3)
if result != 0:
    sys.exit(os.strerror(ctypes.get_errno()))
`;

/**
 * Swaps the names `a` and `b` (both must exist, in one file system) in one atomic step.
 * Resolves true when swapped, false when this machine cannot swap atomically (no Python, no
 * such call, a file system without support); then nothing has changed.
 */
export function exchangePaths(a: string, b: string): Promise<boolean> {
  if (process.platform !== 'linux' && process.platform !== 'darwin') return Promise.resolve(false);
  return new Promise((resolve) => {
    // -I -S: no user site, no PYTHON* variables, no site module: only ctypes is needed.
    execFile('python3', ['-I', '-S', '-c', SWAP, a, b], (error) => resolve(error === null));
  });
}
