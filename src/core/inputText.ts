// Why an input is not corpus text (binary, UTF-16, invalid UTF-8, a line past the cap), in the one-line messages the CLI and the editor's file jobs both give.
import { findInvalidUtf8, utf16ByteOrder } from './utf8';

/**
 * The longest line a file job accepts, in bytes. A line is a document; past this size a job would
 * hold the line, and for check and stats its tokens, in memory.
 */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

export const binaryMessage = (name: string, offset: number): string => `${name}: binary file (NUL byte at offset ${offset}); a corpus is UTF-8 text`;

export const invalidUtf8Message = (name: string, offset: number): string => `${name}: invalid UTF-8 at byte offset ${offset}; convert the file to UTF-8 first`;

export const utf16Message = (name: string, order: 'LE' | 'BE'): string => `${name}: UTF-16 (${order}) text; convert it to UTF-8 first (iconv -f UTF-16${order} -t UTF-8)`;

export const lineTooLongMessage = (name: string, line: number, limit: number): string =>
  `${name}: line ${line} is longer than ${limit} bytes, the longest line segcorpus reads (set SEGCORPUS_MAX_LINE_BYTES to allow more)`;

/** The UTF-16 message when the file's first bytes say it is UTF-16, else undefined. */
export function utf16Problem(head: Uint8Array, name: string): string | undefined {
  const order = utf16ByteOrder(head);
  return order ? utf16Message(name, order) : undefined;
}

/**
 * The first reason a whole file held in memory is not corpus text, as the streaming reader would
 * give it, or undefined: for hosts that read a file at once (the web extension host).
 */
export function textProblem(bytes: Uint8Array, name: string, limit = DEFAULT_MAX_LINE_BYTES): string | undefined {
  const utf16 = utf16Problem(bytes.subarray(0, 512), name);
  if (utf16) return utf16;
  const nul = bytes.indexOf(0);
  if (nul >= 0) return binaryMessage(name, nul);
  const bad = findInvalidUtf8(bytes);
  if (bad >= 0) return invalidUtf8Message(name, bad);
  // LF, CRLF and a lone CR each end a line.
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : 0x0a;
    if (b !== 0x0a && b !== 0x0d) continue;
    if (i - start > limit) return lineTooLongMessage(name, line, limit);
    if (b === 0x0d && bytes[i + 1] === 0x0a) i++;
    line++;
    start = i + 1;
  }
  return undefined;
}
