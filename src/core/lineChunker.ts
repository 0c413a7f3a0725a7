// Cutting a byte stream into runs of whole lines, for the streaming file jobs.
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into whole lines: push chunks of any size, get back runs of complete lines.
 * Memory stays at one chunk plus the longest line.
 */
export class LineChunker {
  /** The unfinished last line: `restLength` bytes of `rest`, which grows by doubling (a line longer than a chunk costs linear time). */
  private rest: Uint8Array = new Uint8Array(0);
  private restLength = 0;
  private endsAfterLoneCr = false;
  /**
   * Whether the lines last returned follow a lone CR (the previous run was cut right after one):
   * pass it to normalizeChunk, which needs to know for an empty line ending in LF.
   */
  startsAfterLoneCr = false;

  /** The unfinished last line so far (a reader refuses it once it passes the line cap). */
  get pending(): Uint8Array {
    return this.rest.subarray(0, this.restLength);
  }

  /**
   * The complete lines now available (possibly empty); keeps the unfinished last line. `room`: how
   * many bytes just before `chunk` in its buffer are free to overwrite (a reader that leaves room
   * there gets its lines back in place, the unfinished line put in front, instead of copied out).
   */
  push(chunk: Uint8Array, room = 0): Uint8Array {
    // Cut after the last LF; a chunk without one may be cut after a CR, but never between the CR
    // and LF of one CRLF.
    let cut = chunk.lastIndexOf(LF) + 1;
    if (cut === 0) {
      cut = chunk.length - 1;
      while (cut > 0 && chunk[cut - 1] !== CR) cut--;
    }
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    if (cut === 0) {
      // A CR held back at the end of the unfinished line, and no LF after it: the line ended there.
      // (Kept, a file whose lines end with a CR at the end of each chunk read would pile up here.)
      if (this.restLength > 0 && this.rest[this.restLength - 1] === CR && chunk.length > 0 && chunk[0] !== LF) {
        const lines = this.pending.slice();
        this.endsAfterLoneCr = true;
        this.restLength = 0;
        this.append(chunk);
        return lines;
      }
      this.append(chunk);
      return new Uint8Array(0);
    }
    const lines = this.restLength === 0 ? chunk.subarray(0, cut) : this.restLength <= room ? this.inFront(chunk, cut) : concat(this.pending, chunk.subarray(0, cut));
    this.endsAfterLoneCr = lines[lines.length - 1] === CR;
    // A copy: the chunk may be handed to a worker. Into the same array: the last one was copied out above.
    this.restLength = 0;
    this.append(chunk.subarray(cut));
    return lines;
  }

  /** The last line, without a line break, at the end of the input. */
  end(): Uint8Array {
    const rest = this.pending;
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    this.endsAfterLoneCr = false;
    this.rest = new Uint8Array(0);
    this.restLength = 0;
    return rest;
  }

  /** The unfinished line copied into the room before the chunk: its lines, in place. */
  private inFront(chunk: Uint8Array, cut: number): Uint8Array {
    const start = chunk.byteOffset - this.restLength;
    const lines = new Uint8Array(chunk.buffer, start, this.restLength + cut);
    lines.set(this.pending);
    return lines;
  }

  private append(chunk: Uint8Array): void {
    const need = this.restLength + chunk.length;
    if (need > this.rest.length) {
      const grown = new Uint8Array(Math.max(need, this.rest.length * 2));
      grown.set(this.pending);
      this.rest = grown;
    }
    this.rest.set(chunk, this.restLength);
    this.restLength = need;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return new Uint8Array(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
