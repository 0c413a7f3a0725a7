// The typesetting rules of normalize (spacing, separators, pair direction), the one copy every normalizer runs.
//
// Portable: this file is compiled by tsc/esbuild for the string and byte normalizers and by
// AssemblyScript (esbuild.mjs) into the WebAssembly one, so a rule changed here changes all three.
// It keeps to what both compilers read the same way: i32/u8/bool numbers (declared for tsc in
// portable.d.ts), typed arrays, no strings, no closures, no imports.

/**
 * What a piece is to the rules. The numbers are stable: the byte normalizers keep them in tables.
 */
export const enum Attach {
  /** Not a mark: a word. */
  None = 0,
  /** Opens: ( [ { “ ‘ « */
  Open = 1,
  /** Closes: ) ] } ” ’ » ; : % */
  Close = 2,
  /** Ends a sentence: . ! ? … */
  Final = 3,
  /** A separator (the comma, and the scheme's separator marks): runs collapse. */
  Separator = 4,
  /** Joins what is on both sides: / */
  Both = 5,
  /** A dash. */
  Dash = 6,
  /** A straight quote: opens and closes like a pair placeholder. */
  Straight = 7,
}

// Piece flags. A word carries the digit edges, a mark how it sits between words.
/** The word starts with an ASCII digit (for the between-numbers rule). */
export const STARTS_WITH_DIGIT: i32 = 1;
/** The word ends with an ASCII digit. */
export const ENDS_WITH_DIGIT: i32 = 2;
/** The mark attaches to the word before it (no space before). */
export const ATTACH_BEFORE: i32 = 4;
/** The mark attaches to the word after it (no space after). */
export const ATTACH_AFTER: i32 = 8;
/** Between two numbers the mark attaches on both sides (`3 - 5` → `3-5`, `10 : 30` → `10:30`). */
export const GLUE_NUMBERS: i32 = 16;
/** A straight quote's default: attach after when it opens, before when it closes. */
export const ATTACH_BY_SIDE: i32 = 32;
export const ATTACH_BITS: i32 = ATTACH_BEFORE | ATTACH_AFTER;

/** How a mark of each class attaches unless the scheme says otherwise (today's Vietnamese rules). */
export function defaultAttach(kind: i32): i32 {
  if (kind == Attach.Open) return ATTACH_AFTER;
  if (kind == Attach.Close || kind == Attach.Final || kind == Attach.Separator) return ATTACH_BEFORE;
  if (kind == Attach.Both) return ATTACH_BEFORE | ATTACH_AFTER;
  if (kind == Attach.Dash) return GLUE_NUMBERS;
  if (kind == Attach.Straight) return ATTACH_BY_SIDE;
  return 0;
}

/** The pair slot of straight quotes; slots 0-9 are the pair placeholder digits. */
export const STRAIGHT_SLOT: i32 = 10;

const MAX_PENDING_CLOSES: i32 = 64;
/** One push writes at most a held dash, a separator with its closes, a pair mark and the piece itself. */
const MAX_OPS: i32 = 2 * MAX_PENDING_CLOSES + 16;

/**
 * Decides, piece by piece, where spaces go, which separators survive and which way each pair mark
 * faces. Its decisions come out as ops (see `ops`): the front end writes them and clears `opCount`.
 *
 * - A mark attaches as its flags say (the scheme's attach settings, today's rules by default).
 * - A run of separators keeps its first; a separator at the start of a line or right after an
 *   opening mark is dropped, and so is one before sentence-final punctuation, even when closing
 *   marks stand between them (`, ” .` → `”.`); one ending the line is kept or dropped as configured.
 *   A separator between an opening and a closing mark is quoted and kept (`“ , ”` → `“,”`).
 * - A pair mark (pair placeholder or straight quote) before a final mark, a separator or the line
 *   end closes the innermost open one of its slot; otherwise it opens at the start of a line,
 *   after a separator or right after an opening mark (nesting), and elsewhere closes the innermost
 *   open one, or opens when none is.
 * It holds back at most one pair mark, one separator with the closing marks after it, and one mark
 * that glues between numbers, until the next piece shows what to do with them.
 */
export class Typesetter {
  /**
   * The decisions of the last calls, four numbers each: a space before (1 or 0), the piece kind
   * (a pair mark resolved to Open or Close), and the front end's two references, passed through.
   */
  readonly ops: Int32Array = new Int32Array(MAX_OPS * 4);
  opCount: i32 = 0;

  /** Open pair marks per slot (digits 0-9, STRAIGHT_SLOT), counted as bytes as every front end does. */
  private readonly open: Uint8Array = new Uint8Array(STRAIGHT_SLOT + 1);

  private emitted: bool = false;
  private glueNext: bool = false;
  /** The last piece opens onto what follows (an opener, `/`, a mark glued between numbers). */
  private openContext: bool = false;
  /** The last piece was an opening mark; of a pair of this slot, or -1. */
  private lastOpen: bool = false;
  private lastOpenSlot: i32 = -1;
  private lastEndsWithDigit: bool = false;

  private sepPending: bool = false;
  private sepA: i32 = 0;
  private sepB: i32 = 0;
  private sepFlags: i32 = 0;
  private closeCount: i32 = 0;
  private readonly closeA: Int32Array = new Int32Array(MAX_PENDING_CLOSES);
  private readonly closeB: Int32Array = new Int32Array(MAX_PENDING_CLOSES);
  private readonly closeFlags: Int32Array = new Int32Array(MAX_PENDING_CLOSES);

  /** A separator right after an opening mark: kept only if a closing mark follows (a quoted mark). */
  private quotedPending: bool = false;
  private quotedSlot: i32 = -1;
  private quotedA: i32 = 0;
  private quotedB: i32 = 0;
  private quotedFlags: i32 = 0;

  /** A mark that glues between numbers, held until the next piece shows whether a number follows. */
  private gluePending: bool = false;
  private glueKind: i32 = 0;
  private glueA: i32 = 0;
  private glueB: i32 = 0;
  private glueFlags: i32 = 0;
  private glueAfterDigit: bool = false;

  /** A pair mark, held until the next piece says whether it closes. */
  private pairPending: bool = false;
  private pairSlot: i32 = 0;
  private pairA: i32 = 0;
  private pairOpenB: i32 = 0;
  private pairCloseB: i32 = 0;
  private pairOpenFlags: i32 = 0;
  private pairCloseFlags: i32 = 0;
  /** What the context before it says: it opens (line start, after a separator or an opener). */
  private pairContextOpens: bool = false;
  /** The held pair mark belongs before the part of the line being written: count it, write nothing. */
  private pairSilent: bool = false;

  /**
   * The second reading of a line: a pair mark after a separator closes the open one of its slot
   * (`“Tôi không biết,” anh ta đáp, “…”`) instead of nesting (`“xem Phần 1, “control””`).
   * Chosen by readAgain, for lines the first reading leaves unbalanced.
   */
  closeAfterSeparator: bool = false;
  /** Some pair mark of the line would face the other way in the second reading. */
  private readingsDiffer: bool = false;
  /** 0: first reading; 1: second; 2: first again; 3: set by the caller (useReading). */
  private reading: i32 = 0;
  private leftFirst: i32 = 0;

  /** `keepFinalSeparator`: a separator ending a line stays (real text: a colon before a list). */
  constructor(public keepFinalSeparator: bool = true) {}

  /** Ready for a new text, as if new: a typesetter can be reused instead of allocated per line. */
  reset(keepFinalSeparator: bool): void {
    this.keepFinalSeparator = keepFinalSeparator;
    this.reading = 0;
    this.opCount = 0;
    this.startLine();
  }

  startLine(): void {
    if (this.reading == 0) this.closeAfterSeparator = false;
    this.readingsDiffer = false;
    this.emitted = false;
    this.glueNext = false;
    this.openContext = false;
    this.lastOpen = false;
    this.lastOpenSlot = -1;
    this.lastEndsWithDigit = false;
    this.sepPending = false;
    this.closeCount = 0;
    this.quotedPending = false;
    this.gluePending = false;
    this.pairPending = false;
    this.pairSilent = false;
    this.open.fill(0);
  }

  /**
   * Starts writing a part of a line whose earlier pieces went through `before` (unwritten): its
   * open pairs, and the pair mark it holds, carry over; spacing starts afresh.
   */
  continueFrom(before: Typesetter): void {
    this.startLine();
    this.open.set(before.open);
    if (before.pairPending) {
      this.pairPending = true;
      this.pairSilent = true;
      this.pairSlot = before.pairSlot;
      this.pairContextOpens = before.pairContextOpens;
    }
  }

  /** A word or a mark other than a pair mark; `flags` as above. */
  push(kind: i32, a: i32, b: i32, flags: i32): void {
    this.settlePair(kind == Attach.Final || kind == Attach.Separator);
    if (this.quotedPending) {
      this.quotedPending = false;
      if (kind == Attach.Close) this.emit(Attach.Separator, this.quotedA, this.quotedB, this.quotedFlags);
    }
    this.place(kind, a, b, flags);
  }

  /**
   * A pair mark of `slot`: written `openB` with `openFlags` if it opens, `closeB` with `closeFlags`
   * if it closes. Decided when the next piece comes.
   */
  pushPair(slot: i32, a: i32, openB: i32, closeB: i32, openFlags: i32, closeFlags: i32): void {
    this.settlePair(false);
    if (this.quotedPending) {
      this.quotedPending = false;
      if (slot == this.quotedSlot && this.open[slot] > 0) {
        // `“ , ”`: the separator is what the pair quotes.
        this.emit(Attach.Separator, this.quotedA, this.quotedB, this.quotedFlags);
        this.open[slot] = <u8>(this.open[slot] - 1);
        this.place(Attach.Close, a, closeB, sideFlags(closeFlags, false));
        return;
      }
    }
    this.pairPending = true;
    this.pairSilent = false;
    this.pairSlot = slot;
    this.pairA = a;
    this.pairOpenB = openB;
    this.pairCloseB = closeB;
    this.pairOpenFlags = openFlags;
    this.pairCloseFlags = closeFlags;
    if (this.gluePending) {
      this.pairContextOpens = false;
    } else if (this.sepPending) {
      // After a separator with one of its slot open, the two readings part (see readAgain).
      const nested = this.open[slot] > 0;
      if (nested && this.closeCount == 0) this.readingsDiffer = true;
      this.pairContextOpens = this.closeCount == 0 && !(nested && this.closeAfterSeparator);
    } else {
      this.pairContextOpens = !this.emitted || this.openContext;
    }
  }

  /**
   * The byte normalizers' fast path for a word that starts with a letter: settle what is held back
   * (as push() does for a word), then the word only needs to know whether a space goes before it
   * (spaceBeforeWord), writes itself and says so (wordWritten).
   */
  settleBeforeLetterWord(): void {
    this.settlePair(false);
    this.quotedPending = false;
    this.releaseGlue(false);
    this.flushSeparator();
  }

  get spaceBeforeWord(): bool {
    return this.emitted && !this.glueNext;
  }

  get lineIsEmpty(): bool {
    return !this.emitted;
  }

  wordWritten(endsWithDigit: bool): void {
    this.emitted = true;
    this.glueNext = false;
    this.openContext = false;
    this.lastOpen = false;
    this.lastEndsWithDigit = endsWithDigit;
  }

  endLine(): void {
    this.settlePair(true);
    this.quotedPending = false;
    this.releaseGlue(false);
    if (this.keepFinalSeparator) this.flushSeparator();
    else this.dropSeparator();
  }

  /** Pair marks left open at the end of the line (after endLine). */
  get pairsLeftOpen(): i32 {
    let left: i32 = 0;
    for (let slot: i32 = 0; slot <= STRAIGHT_SLOT; slot++) left += this.open[slot];
    return left;
  }

  /**
   * After endLine: whether the front end must typeset the line again from its start (discarding
   * what it wrote of it) in the reading now set. A line the first reading leaves with pairs open
   * is read the second way, and kept that way if that leaves fewer open; else read the first way
   * again. Real text nests quotes after a comma (`(xem Phần 1, “control”)`) as often as it closes
   * them there (`“…,” anh ta đáp`); the balance of the line tells which it is.
   */
  readAgain(): bool {
    if (this.reading == 3) return false;
    const left = this.pairsLeftOpen;
    if (this.reading == 0 && left > 0 && this.readingsDiffer) {
      this.leftFirst = left;
      this.reading = 1;
      this.closeAfterSeparator = true;
      return true;
    }
    if (this.reading == 1 && left >= this.leftFirst) {
      this.reading = 2;
      this.closeAfterSeparator = false;
      return true;
    }
    this.reading = 0;
    return false;
  }

  /** Fixes the reading for the lines to come (a part of a line whose reading the caller chose). */
  useReading(closeAfterSeparator: bool): void {
    this.reading = 3;
    this.closeAfterSeparator = closeAfterSeparator;
  }

  private settlePair(nextCloses: bool): void {
    if (!this.pairPending) return;
    this.pairPending = false;
    const slot = this.pairSlot;
    const count = this.open[slot];
    const closing = count > 0 && (nextCloses || !this.pairContextOpens);
    this.open[slot] = <u8>(closing ? count - 1 : count + 1);
    if (this.pairSilent) return;
    if (closing) {
      this.place(Attach.Close, this.pairA, this.pairCloseB, sideFlags(this.pairCloseFlags, false));
    } else {
      this.place(Attach.Open, this.pairA, this.pairOpenB, sideFlags(this.pairOpenFlags, true));
      this.lastOpenSlot = slot;
    }
  }

  private place(kind: i32, a: i32, b: i32, flags: i32): void {
    this.releaseGlue(kind == Attach.None && (flags & STARTS_WITH_DIGIT) != 0);
    if (kind == Attach.Separator) {
      if (this.sepPending) {
        if (this.closeCount == 0) return; // a run of separators keeps its first
        this.flushSeparator();
      }
      if (!this.emitted) return; // nothing to separate yet
      if (this.lastOpen) {
        // Right after an opener: dropped, unless a closing mark follows (a quoted mark).
        this.quotedPending = true;
        this.quotedSlot = this.lastOpenSlot;
        this.quotedA = a;
        this.quotedB = b;
        this.quotedFlags = flags;
        return;
      }
      if (this.openContext) return;
      this.sepPending = true;
      this.sepA = a;
      this.sepB = b;
      this.sepFlags = flags;
      return;
    }
    if (kind == Attach.Close && this.sepPending) {
      if (this.closeCount < MAX_PENDING_CLOSES) {
        this.closeA[this.closeCount] = a;
        this.closeB[this.closeCount] = b;
        this.closeFlags[this.closeCount] = flags;
        this.closeCount++;
        return;
      }
    }
    if (kind == Attach.Final) {
      this.dropSeparator();
      this.emit(kind, a, b, flags);
      return;
    }
    this.flushSeparator();
    if ((flags & GLUE_NUMBERS) != 0 && kind != Attach.None) {
      this.gluePending = true;
      this.glueKind = kind;
      this.glueA = a;
      this.glueB = b;
      this.glueFlags = flags;
      this.glueAfterDigit = this.emitted && this.lastEndsWithDigit;
      return;
    }
    this.emit(kind, a, b, flags);
  }

  private releaseGlue(numberFollows: bool): void {
    if (!this.gluePending) return;
    this.gluePending = false;
    if (this.glueAfterDigit && numberFollows) {
      this.emit(this.glueKind, this.glueA, this.glueB, ATTACH_BEFORE | ATTACH_AFTER);
      this.openContext = true;
    } else {
      this.emit(this.glueKind, this.glueA, this.glueB, this.glueFlags);
    }
  }

  private flushSeparator(): void {
    if (!this.sepPending) return;
    this.sepPending = false;
    this.emit(Attach.Separator, this.sepA, this.sepB, this.sepFlags);
    this.flushCloses();
  }

  private dropSeparator(): void {
    if (!this.sepPending) return;
    this.sepPending = false;
    this.flushCloses();
  }

  private flushCloses(): void {
    const n = this.closeCount;
    this.closeCount = 0;
    for (let i: i32 = 0; i < n; i++) this.emit(Attach.Close, this.closeA[i], this.closeB[i], this.closeFlags[i]);
  }

  private emit(kind: i32, a: i32, b: i32, flags: i32): void {
    const at = this.opCount << 2;
    this.ops[at] = this.emitted && !this.glueNext && (flags & ATTACH_BEFORE) == 0 ? 1 : 0;
    this.ops[at + 1] = kind;
    this.ops[at + 2] = a;
    this.ops[at + 3] = b;
    this.opCount++;
    this.emitted = true;
    this.glueNext = (flags & ATTACH_AFTER) != 0;
    this.openContext = kind == Attach.Open || kind == Attach.Both;
    this.lastOpen = kind == Attach.Open;
    this.lastOpenSlot = -1;
    this.lastEndsWithDigit = kind == Attach.None && (flags & ENDS_WITH_DIGIT) != 0;
  }
}

/** A pair mark's flags once its side is known: a straight quote's default attaches inward. */
function sideFlags(flags: i32, opens: bool): i32 {
  if ((flags & ATTACH_BY_SIDE) == 0) return flags;
  return (flags & ~ATTACH_BY_SIDE) | (opens ? ATTACH_AFTER : ATTACH_BEFORE);
}
