// The spacing rules of normalize, shared by the string and the byte front ends so both give the same text.
import { Attach } from './marks';

/** Piece kinds: a word, or a mark with its Attach class. Open/Close come resolved for quotes and pairs. */
export type PieceKind = Attach;

/** Bit flags telling the dash rule whether a word starts or ends with an ASCII digit. */
export const STARTS_WITH_DIGIT = 1;
export const ENDS_WITH_DIGIT = 2;

/**
 * Receives the typeset pieces. `a` and `b` are the front end's own references, passed through
 * unchanged (source offsets, or a mark id).
 */
export interface PieceSink {
  space(): void;
  put(kind: PieceKind, a: number, b: number): void;
}

const MAX_PENDING_CLOSES = 64;

/**
 * Decides, piece by piece, where spaces go and which separators survive:
 * - marks attach to their word (Close/Final/Separator left, Open right, Both and a dash between numbers
 *   on both sides);
 * - a run of separators keeps its first; a separator at the start of a line or right after an opening
 *   mark is dropped, and so is one before sentence-final punctuation, even when closing marks stand
 *   between them (`, ” .` → `”.`); one ending the line is kept or dropped as configured.
 * It holds back at most one separator with the closing marks after it, or one dash, until the next
 * piece shows what to do with them.
 */
export class Typesetter {
  private emitted = false;
  private glueNext = false;
  private lastEndsWithDigit = false;

  private sepPending = false;
  private sepA = 0;
  private sepB = 0;
  private closeCount = 0;
  private readonly closeA = new Int32Array(MAX_PENDING_CLOSES);
  private readonly closeB = new Int32Array(MAX_PENDING_CLOSES);

  private dashPending = false;
  private dashA = 0;
  private dashB = 0;
  private dashAfterDigit = false;

  /** `keepFinalSeparator`: a separator ending a line stays (real text: a colon before a list). */
  constructor(
    private readonly sink: PieceSink,
    private readonly keepFinalSeparator = true,
  ) {}

  startLine(): void {
    this.emitted = false;
    this.glueNext = false;
    this.lastEndsWithDigit = false;
    this.sepPending = false;
    this.closeCount = 0;
    this.dashPending = false;
  }

  push(kind: PieceKind, a: number, b: number, digitEdges: number): void {
    if (this.dashPending) {
      this.dashPending = false;
      const glue = this.dashAfterDigit && kind === Attach.None && (digitEdges & STARTS_WITH_DIGIT) !== 0;
      this.emit(Attach.Dash, this.dashA, this.dashB, glue, glue, 0);
    }
    switch (kind) {
      case Attach.Separator:
        if (this.sepPending) {
          if (this.closeCount === 0) return; // a run of separators keeps its first
          this.flushSeparator();
        }
        if (!this.emitted || this.glueNext) return; // nothing to separate yet
        this.sepPending = true;
        this.sepA = a;
        this.sepB = b;
        return;
      case Attach.Close:
        if (this.sepPending && this.closeCount < MAX_PENDING_CLOSES) {
          this.closeA[this.closeCount] = a;
          this.closeB[this.closeCount] = b;
          this.closeCount++;
          return;
        }
        this.flushSeparator();
        this.emit(kind, a, b, true, false, 0);
        return;
      case Attach.Final:
        this.dropSeparator();
        this.emit(kind, a, b, true, false, 0);
        return;
      case Attach.Dash:
        this.flushSeparator();
        this.dashPending = true;
        this.dashA = a;
        this.dashB = b;
        this.dashAfterDigit = this.emitted && this.lastEndsWithDigit;
        return;
      case Attach.Open:
        this.flushSeparator();
        this.emit(kind, a, b, false, true, 0);
        return;
      case Attach.Both:
        this.flushSeparator();
        this.emit(kind, a, b, true, true, 0);
        return;
      default:
        this.flushSeparator();
        this.emit(kind, a, b, false, false, digitEdges);
    }
  }

  // The byte normalizer's fast path for a word that starts with a letter: settle what is held back
  // (as push() does for a word), then the word only needs to know whether a space goes before it,
  // and writes itself. The same decisions as push() and emit().
  settleBeforeLetterWord(): void {
    if (this.dashPending) {
      this.dashPending = false;
      this.emit(Attach.Dash, this.dashA, this.dashB, false, false, 0);
    }
    this.flushSeparator();
  }

  get spaceBeforeWord(): boolean {
    return this.emitted && !this.glueNext;
  }

  /**
   * Whether a pair mark here must open: at the start of a line, after a separator, or right after
   * an opening mark (nesting). Elsewhere pairs alternate: the caller closes the innermost open one.
   */
  get pairOpensHere(): boolean {
    if (this.dashPending) return false;
    if (this.sepPending) return this.closeCount === 0;
    return !this.emitted || this.glueNext;
  }

  get lineIsEmpty(): boolean {
    return !this.emitted;
  }

  wordWritten(endsWithDigit: boolean): void {
    this.emitted = true;
    this.glueNext = false;
    this.lastEndsWithDigit = endsWithDigit;
  }

  endLine(): void {
    if (this.dashPending) {
      this.dashPending = false;
      this.emit(Attach.Dash, this.dashA, this.dashB, false, false, 0);
    }
    if (this.keepFinalSeparator) this.flushSeparator();
    else this.dropSeparator();
  }

  private flushSeparator(): void {
    if (!this.sepPending) return;
    this.sepPending = false;
    this.emit(Attach.Separator, this.sepA, this.sepB, true, false, 0);
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
    for (let i = 0; i < n; i++) this.emit(Attach.Close, this.closeA[i], this.closeB[i], true, false, 0);
  }

  private emit(kind: PieceKind, a: number, b: number, attachLeft: boolean, attachRight: boolean, digitEdges: number): void {
    if (this.emitted && !this.glueNext && !attachLeft) this.sink.space();
    this.sink.put(kind, a, b);
    this.emitted = true;
    this.glueNext = attachRight;
    this.lastEndsWithDigit = (digitEdges & ENDS_WITH_DIGIT) !== 0;
  }
}
