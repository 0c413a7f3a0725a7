// Errors a user can act on: bad input, a bad request, an output that cannot be written; one line each, exit status 2.
import { CliMessageId, say } from '../cli/messages';

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

// The system errors said in a few words (in the message table).
const CAUSES = new Set<CliMessageId>(['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS', 'EISDIR', 'ENOTDIR', 'EIO', 'EPIPE', 'ENXIO']);

/** The cause of a system error in a few words, without the stack or the syscall. */
export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && CAUSES.has(e.code as CliMessageId)) return say(e.code as CliMessageId);
  return e && e.message ? e.message : String(error);
}
