// Checking a whole document incrementally: one result per line, re-checked only where edits land.
import { BreakCandidate, Finding, LineChecker, WordStats } from './check';
import { Tokenizer } from './tokens';

interface LineResult {
  readonly findings: readonly Finding[];
  readonly candidates: readonly BreakCandidate[];
}

/** An edit as line numbers: lines `from`..`to` (inclusive, before the edit) became `lineCount` lines. */
export interface LineEdit {
  readonly from: number;
  readonly to: number;
  readonly lineCount: number;
}

export interface LocatedFinding {
  readonly line: number;
  readonly finding: Finding;
}

const NOTHING: LineResult = { findings: [], candidates: [] };

/**
 * The findings of a document, kept per line. `load` checks everything once (and counts the word
 * statistics on the way); `edit` re-checks only the lines an edit touched; `refreshStats` recounts
 * the statistics, which the caller does once per document version when the user pauses.
 */
export class DocumentChecker {
  private results: Array<LineResult | undefined> = [];
  private stats = new WordStats();
  private statsFresh = false;
  /** The sentence-break hints of the whole document, kept until the results or the statistics change. */
  private breaks: LocatedFinding[] | undefined;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly checker: LineChecker,
  ) {}

  get lineCount(): number {
    return this.results.length;
  }

  /** Whether the statistics were counted on the document as it is now. */
  get hasFreshStats(): boolean {
    return this.statsFresh;
  }

  load(lineCount: number, lineAt: (line: number) => string): void {
    const stats = new WordStats();
    this.results = new Array(lineCount);
    for (let l = 0; l < lineCount; l++) {
      const tokens = this.tokenizer.tokenize(lineAt(l));
      stats.addLine(tokens);
      this.results[l] = this.resultOf(tokens);
    }
    this.stats = stats;
    this.statsFresh = true;
    this.breaks = undefined;
  }

  /**
   * Applies one change event's edits (they must not overlap and are in the coordinates of the
   * document before the event): the lines they produced are left to re-check. Cheap, so it can
   * run on every keystroke; `recheck` does the work later.
   */
  markEdited(edits: readonly LineEdit[]): void {
    const sorted = [...edits].sort((a, b) => b.from - a.from);
    for (const e of sorted) {
      if (e.lineCount < 10000) this.results.splice(e.from, e.to - e.from + 1, ...new Array<undefined>(e.lineCount).fill(undefined));
      else this.results = this.results.slice(0, e.from).concat(new Array<undefined>(e.lineCount).fill(undefined), this.results.slice(e.to + 1));
    }
    if (edits.length > 0) {
      this.statsFresh = false;
      this.breaks = undefined;
    }
  }

  /** Re-checks the lines edits left unchecked; returns how many. */
  recheck(lineAt: (line: number) => string): number {
    let checked = 0;
    for (let l = 0; l < this.results.length; l++) {
      if (this.results[l] !== undefined) continue;
      this.results[l] = this.resultOf(this.tokenizer.tokenize(lineAt(l)));
      checked++;
    }
    if (checked > 0) this.breaks = undefined;
    return checked;
  }

  /** markEdited and recheck in one. */
  edit(edits: readonly LineEdit[], lineAt: (line: number) => string): number {
    this.markEdited(edits);
    return this.recheck(lineAt);
  }

  refreshStats(lineCount: number, lineAt: (line: number) => string): void {
    const stats = new WordStats();
    for (let l = 0; l < lineCount; l++) stats.addLine(this.tokenizer.tokenize(lineAt(l)));
    this.stats = stats;
    this.statsFresh = true;
    this.breaks = undefined;
  }

  /**
   * Every likely sentence break of the document (the "all breaks in the file" fix asks on each
   * code-action request on a hint: counted once, until an edit or a recount changes them).
   */
  sentenceBreaks(): readonly LocatedFinding[] {
    if (this.breaks) return this.breaks;
    const out: LocatedFinding[] = [];
    for (let l = 0; l < this.results.length; l++) {
      const candidates = this.results[l]?.candidates;
      if (!candidates || candidates.length === 0) continue;
      for (const finding of this.checker.breakFindings(candidates, this.stats)) out.push({ line: l, finding });
    }
    return (this.breaks = out);
  }

  /** Up to `max` findings in document order, sentence-break hints included. */
  findings(max: number): LocatedFinding[] {
    const out: LocatedFinding[] = [];
    for (let l = 0; l < this.results.length && out.length < max; l++) {
      const result = this.results[l] ?? NOTHING;
      if (result.findings.length === 0 && result.candidates.length === 0) continue;
      const all = result.candidates.length === 0 ? result.findings : [...result.findings, ...this.checker.breakFindings(result.candidates, this.stats)].sort((a, b) => a.start - b.start);
      for (const finding of all) {
        if (out.length >= max) break;
        out.push({ line: l, finding });
      }
    }
    return out;
  }

  /** The findings of one line, hints included. */
  lineFindings(line: number): readonly Finding[] {
    const result = this.results[line] ?? NOTHING;
    if (result.candidates.length === 0) return result.findings;
    return [...result.findings, ...this.checker.breakFindings(result.candidates, this.stats)].sort((a, b) => a.start - b.start);
  }

  /** The word statistics last counted (possibly of an earlier version: see hasFreshStats). */
  get wordStats(): WordStats {
    return this.stats;
  }

  private resultOf(tokens: ReturnType<Tokenizer['tokenize']>): LineResult {
    if (tokens.length === 0) return NOTHING;
    const { findings, candidates } = this.checker.check(tokens);
    return findings.length === 0 && candidates.length === 0 ? NOTHING : { findings, candidates };
  }
}
