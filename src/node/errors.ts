// Errors a user can act on: bad input, a bad request, an output that cannot be written; one line each, exit status 2.

/** Bad input or a bad request: the CLI reports it and exits with status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** An output that cannot be written (full disk, no permission): reported like an InputError. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

const CAUSES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'input/output error',
  EPIPE: 'broken pipe',
  ENXIO: 'no reader on the other end',
};

/** The cause of a system error in a few words, without the stack or the syscall. */
export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && CAUSES[e.code]) return CAUSES[e.code];
  return e && e.message ? e.message : String(error);
}
