// A saved document's lines read from its file, for the count thread: what the extension host would otherwise encode and send.
import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import type { LineBlock } from '../core/blockCount';
import { utf16Length } from '../core/byteText';

/** Bytes read at a time; a block holds the whole lines among them. */
export const READ_BYTES = 1 << 22;

/** What the file held, line by line, as the editor counts lines: each line's length in UTF-16 units. */
export interface FileLines {
  readonly lengths: Int32Array;
  readonly count: number;
}

/**
 * Reads the UTF-8 file at `path` and gives its lines to `take` a block at a time, split where the
 * editor splits them (CRLF, CR or LF; a leading byte order mark is not text), with each line's
 * length in UTF-16 units, for the caller to compare with the document's. Returns undefined when
 * the file is not valid UTF-8 (the document's text then differs from the file's bytes).
 */
export function readFileLineBlocks(path: string, take: (block: LineBlock) => void, readBytes = READ_BYTES): FileLines | undefined {
  let lengths = new Int32Array(1 << 12);
  let count = 0;
  const fd = fs.openSync(path, 'r');
  try {
    // The unfinished last line of what was read, carried into the next block.
    let carry = new Uint8Array(0);
    let atStart = true;
    for (;;) {
      // The first read holds a byte order mark whole.
      const buffer = new Uint8Array(carry.length + (atStart ? Math.max(readBytes, 3) : readBytes));
      buffer.set(carry);
      let filled = carry.length;
      let read: number;
      while (filled < buffer.length && (read = fs.readSync(fd, buffer, filled, buffer.length - filled, null)) > 0) filled += read;
      const atEnd = filled < buffer.length;
      let from = 0;
      if (atStart && filled >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) from = 3;
      atStart = false;
      // The lines that end in this buffer (breaks found by indexOf); a CR as its last byte waits (an LF may follow it).
      const view = Buffer.from(buffer.buffer, 0, filled);
      const starts: number[] = [];
      const ends: number[] = [];
      let start = from;
      let cr = view.indexOf(0x0d, from);
      for (;;) {
        let lf = view.indexOf(0x0a, start);
        if (lf < 0) lf = filled;
        // Lone CRs before the next LF end lines of their own.
        while (cr >= 0 && cr < lf) {
          if (cr + 1 === lf && lf < filled) break;
          if (cr + 1 === filled && !atEnd) break;
          starts.push(start);
          ends.push(cr);
          start = cr + 1;
          cr = view.indexOf(0x0d, start);
        }
        if (lf === filled) {
          // No break left: the rest is the last line when the file ends here, else carried.
          if (atEnd) {
            starts.push(start);
            ends.push(filled);
            start = filled;
          }
          break;
        }
        starts.push(start);
        ends.push(cr >= 0 && cr + 1 === lf ? cr : lf);
        start = lf + 1;
        if (cr >= 0 && cr < start) cr = view.indexOf(0x0d, start);
      }
      const bytes = buffer.subarray(0, start);
      if (!isUtf8(bytes.subarray(from))) return undefined;
      if (count + starts.length > lengths.length) {
        const bigger = new Int32Array(Math.max(lengths.length * 2, count + starts.length));
        bigger.set(lengths);
        lengths = bigger;
      }
      for (let k = 0; k < starts.length; k++) lengths[count++] = utf16Length(bytes, starts[k], ends[k]);
      if (starts.length > 0) take({ bytes, starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
      if (atEnd) break;
      carry = buffer.slice(start, filled);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { lengths, count };
}

/** Whether the lines read are the document's, by their count and each one's length. */
export function sameLines(read: FileLines, documentLengths: Int32Array): boolean {
  if (read.count !== documentLengths.length) return false;
  for (let l = 0; l < read.count; l++) if (read.lengths[l] !== documentLengths[l]) return false;
  return true;
}
