// Cutting a byte stream into runs of whole lines, for the streaming file jobs.
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into whole lines: push chunks of any size, get back runs of complete lines.
 * Memory stays at one chunk plus the longest line.
 */
export class LineChunker {
  private rest: Uint8Array = new Uint8Array(0);
  private endsAfterLoneCr = false;
  /**
   * Whether the lines last returned follow a lone CR (the previous run was cut right after one):
   * pass it to normalizeChunk, which needs to know for an empty line ending in LF.
   */
  startsAfterLoneCr = false;

  /** The unfinished last line so far: a reader may put it at the front of its next buffer. */
  get pending(): Uint8Array {
    return this.rest;
  }

  /**
   * The complete lines now available (possibly empty); keeps the unfinished last line.
   * `startsWithPending`: the caller already put `pending` at the front of `chunk`, saving a copy.
   */
  push(chunk: Uint8Array, startsWithPending = false): Uint8Array {
    if (startsWithPending) this.rest = new Uint8Array(0);
    // Cut after the last LF; a chunk without one may be cut after a CR, but never between the CR
    // and LF of one CRLF.
    let cut = chunk.lastIndexOf(LF) + 1;
    if (cut === 0) {
      cut = chunk.length - 1;
      while (cut > 0 && chunk[cut - 1] !== CR) cut--;
    }
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    if (cut === 0) {
      this.rest = concat(this.rest, chunk);
      return new Uint8Array(0);
    }
    const lines = this.rest.length > 0 ? concat(this.rest, chunk.subarray(0, cut)) : chunk.subarray(0, cut);
    this.endsAfterLoneCr = lines[lines.length - 1] === CR;
    this.rest = new Uint8Array(chunk.subarray(cut)); // a copy: the chunk may be handed to a worker
    return lines;
  }

  /** The last line, without a line break, at the end of the input. */
  end(): Uint8Array {
    const rest = this.rest;
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    this.endsAfterLoneCr = false;
    this.rest = new Uint8Array(0);
    return rest;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return new Uint8Array(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
