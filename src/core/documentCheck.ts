// Checking a whole document incrementally: one result per line, re-checked only where edits land.
import { BreakCandidate, Finding, FindingCode, LineChecker, Severity, WordStats } from './check';
import { Token, Tokenizer } from './tokens';

interface LineResult {
  readonly findings: readonly Finding[];
  readonly candidates: readonly BreakCandidate[];
  /** How many placeholders the line has that restore rewrites (pairs and separators): the "restore all" actions count them. */
  readonly placeholders: number;
  /**
   * The line's likely breaks by the statistics they were read with: an edit re-reads its own lines
   * only, so publishing after a keystroke does not weigh every candidate of the document again.
   */
  breaks?: { readonly stats: WordStats; readonly findings: readonly Finding[] };
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

const NOTHING: LineResult = { findings: [], candidates: [], placeholders: 0 };

/** Most severe first: the order in which a capped list keeps findings. */
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** What a capped list of findings shows of the whole. */
export interface FindingSelection {
  /** The findings kept, in document order. */
  readonly shown: readonly LocatedFinding[];
  /** How many findings the document has, hints included. */
  readonly total: number;
  /** The count of each severity in the whole document. */
  readonly bySeverity: Readonly<Record<Severity, number>>;
}

/** Counts kept until the results or the statistics change. */
interface Tally {
  readonly bySeverity: Record<Severity, number>;
  /** Per code, how many tokens have a finding of it (a token with two runs of bad joins counts once). */
  readonly tokensByCode: Map<FindingCode, number>;
  /** Restorable placeholders before each line (one more entry than lines): a range's count in two reads. */
  readonly placeholdersBefore: Float64Array;
}

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
  private tally: Tally | undefined;
  /** No line before this one is unchecked: where checking resumes (an edit moves it back). */
  private next = 0;
  /** A load under way: the statistics it counts, and whether no edit has come in since it began. */
  private loadUnderWay: { readonly stats: WordStats; clean: boolean } | undefined;

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

  /** Whether a load begun with `beginLoad` still has lines to check (see `loadSome`). */
  get loading(): boolean {
    return this.loadUnderWay !== undefined;
  }

  /** Checks the whole document at once (and counts the word statistics on the way). */
  load(lineCount: number, lineAt: (line: number) => string): void {
    this.beginLoad(lineCount);
    this.loadSome(lineAt, () => false);
  }

  /**
   * Starts a load that `loadSome` does a slice at a time, so that a large document does not hold
   * up the thread it is checked on. Until it is done every line counts as unchecked: findings are
   * those of the lines checked so far, and edits in between are taken (markEdited) as usual.
   */
  beginLoad(lineCount: number): void {
    this.results = new Array<LineResult | undefined>(lineCount);
    this.next = 0;
    this.stats = new WordStats();
    this.statsFresh = false;
    this.loadUnderWay = { stats: new WordStats(), clean: true };
    this.forget();
  }

  /**
   * Checks unchecked lines until `due()` says the slice is used up (asked before each line but the first);
   * returns whether none is left. A load's statistics are counted on the way, and kept only if no
   * edit came in between (an edit makes them stale: refreshStats recounts them).
   */
  loadSome(lineAt: (line: number) => string, due: () => boolean): boolean {
    this.checkUnchecked(lineAt, due);
    return this.next >= this.results.length;
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
      this.next = Math.min(this.next, sorted[sorted.length - 1].from);
      if (this.loadUnderWay) this.loadUnderWay.clean = false;
      this.statsFresh = false;
      this.forget();
    }
  }

  /** Re-checks the lines edits left unchecked (finishing a load under way); returns how many. */
  recheck(lineAt: (line: number) => string): number {
    return this.checkUnchecked(lineAt, () => false);
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
    this.forget();
  }

  /**
   * Every likely sentence break of the document (the "all breaks in the file" fix asks on each
   * code-action request on a hint: counted once, until an edit or a recount changes them).
   */
  sentenceBreaks(): readonly LocatedFinding[] {
    if (this.breaks) return this.breaks;
    const out: LocatedFinding[] = [];
    for (let l = 0; l < this.results.length; l++) {
      const result = this.results[l];
      if (!result || result.candidates.length === 0) continue;
      for (const finding of this.breaksOf(result)) out.push({ line: l, finding });
    }
    return (this.breaks = out);
  }

  /**
   * Up to `max` findings, the most severe kept first (every error before any warning, and so on;
   * within the severity that does not fit whole, the first in the document), listed in document
   * order, sentence-break hints included.
   */
  findings(max: number): LocatedFinding[] {
    return [...this.select(max).shown];
  }

  /** `findings(max)` with what it leaves out: the totals of the whole document. */
  select(max: number): FindingSelection {
    const { bySeverity } = this.counts();
    const total = SEVERITY_ORDER.reduce((sum, s) => sum + bySeverity[s], 0);
    // Severities kept whole, then how many of the first one that does not fit.
    const whole = new Set<Severity>();
    let cut: Severity | undefined;
    let room = Math.max(0, max);
    for (const severity of SEVERITY_ORDER) {
      if (bySeverity[severity] <= room) {
        whole.add(severity);
        room -= bySeverity[severity];
      } else {
        cut = severity;
        break;
      }
    }
    const shown: LocatedFinding[] = [];
    const take = (line: number, finding: Finding): void => {
      if (whole.has(finding.severity)) shown.push({ line, finding });
      else if (finding.severity === cut && room > 0) {
        room--;
        shown.push({ line, finding });
      }
    };
    const breaks = this.sentenceBreaks();
    let b = 0;
    for (let l = 0; l < this.results.length; l++) {
      const result = this.results[l];
      if (result && result.findings.length > 0) {
        for (const finding of result.findings) {
          // Hints of this line that come before the finding, to keep document order.
          while (b < breaks.length && breaks[b].line === l && breaks[b].finding.start < finding.start) take(l, breaks[b++].finding);
          take(l, finding);
        }
      }
      while (b < breaks.length && breaks[b].line === l) take(l, breaks[b++].finding);
    }
    return { shown, total, bySeverity };
  }

  /** Every finding in document order, hints included: what "Check Whole File" lists. */
  allFindings(): LocatedFinding[] {
    return this.findings(Number.POSITIVE_INFINITY);
  }

  /** Per finding code, how many tokens of the document have it: the "fix all in the file" actions say so. */
  tokensWith(code: FindingCode): number {
    return this.counts().tokensByCode.get(code) ?? 0;
  }

  /** The findings of one code, in document order. */
  findingsOf(code: FindingCode): LocatedFinding[] {
    if (code === 'likely-sentence-break') return [...this.sentenceBreaks()];
    const out: LocatedFinding[] = [];
    for (let l = 0; l < this.results.length; l++) {
      const result = this.results[l];
      if (result) for (const finding of result.findings) if (finding.code === code) out.push({ line: l, finding });
    }
    return out;
  }

  /** How many placeholders restore would rewrite in lines `from`..`to` (inclusive). */
  placeholdersIn(from: number, to: number): number {
    const before = this.counts().placeholdersBefore;
    const first = Math.min(Math.max(0, from), this.results.length);
    const end = Math.min(Math.max(first, to + 1), this.results.length);
    return before[end] - before[first];
  }

  /** The findings of one line, hints included. */
  lineFindings(line: number): readonly Finding[] {
    const result = this.results[line] ?? NOTHING;
    if (result.candidates.length === 0) return result.findings;
    return [...result.findings, ...this.breaksOf(result)].sort((a, b) => a.start - b.start);
  }

  /** The word statistics last counted (possibly of an earlier version: see hasFreshStats). */
  get wordStats(): WordStats {
    return this.stats;
  }

  /** Checks unchecked lines from `next` on until `due()` (asked before each line but the first); returns how many. */
  private checkUnchecked(lineAt: (line: number) => string, due: () => boolean): number {
    const counting = this.loadUnderWay?.clean ? this.loadUnderWay.stats : undefined;
    let checked = 0;
    let l = this.next;
    for (; l < this.results.length; l++) {
      if (this.results[l] !== undefined) continue;
      if (checked > 0 && due()) break;
      const tokens = this.tokenizer.tokenize(lineAt(l));
      counting?.addLine(tokens);
      this.results[l] = this.resultOf(tokens);
      checked++;
    }
    this.next = l;
    if (checked > 0) this.forget();
    if (l >= this.results.length && this.loadUnderWay) {
      // The load is done: its statistics are those of the document only if no edit came in between.
      if (this.loadUnderWay.clean) {
        this.stats = this.loadUnderWay.stats;
        this.statsFresh = true;
        this.forget();
      }
      this.loadUnderWay = undefined;
    }
    return checked;
  }

  private resultOf(tokens: readonly Token[]): LineResult {
    if (tokens.length === 0) return NOTHING;
    const { findings, candidates } = this.checker.check(tokens);
    let placeholders = 0;
    for (const t of tokens) if (t.role === 'pair' || t.role === 'separator') placeholders++;
    return findings.length === 0 && candidates.length === 0 && placeholders === 0 ? NOTHING : { findings, candidates, placeholders };
  }

  private breaksOf(result: LineResult): readonly Finding[] {
    if (result.breaks?.stats !== this.stats) result.breaks = { stats: this.stats, findings: this.checker.breakFindings(result.candidates, this.stats) };
    return result.breaks.findings;
  }

  private forget(): void {
    this.breaks = undefined;
    this.tally = undefined;
  }

  private counts(): Tally {
    if (this.tally) return this.tally;
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    const tokensByCode = new Map<FindingCode, number>();
    const count = (finding: Finding, sameToken: boolean): void => {
      bySeverity[finding.severity]++;
      if (!sameToken) tokensByCode.set(finding.code, (tokensByCode.get(finding.code) ?? 0) + 1);
    };
    const placeholdersBefore = new Float64Array(this.results.length + 1);
    for (let l = 0; l < this.results.length; l++) {
      const result = this.results[l];
      placeholdersBefore[l + 1] = placeholdersBefore[l] + (result?.placeholders ?? 0);
      if (!result || result.findings.length === 0) continue;
      // A line's findings come token by token, so a token's several findings of one code (bad joins) are neighbours.
      let previous: Finding | undefined;
      for (const finding of result.findings) {
        count(finding, previous !== undefined && previous.code === finding.code && previous.tokenIndex === finding.tokenIndex);
        previous = finding;
      }
    }
    for (const { finding } of this.sentenceBreaks()) count(finding, false);
    return (this.tally = { bySeverity, tokensByCode, placeholdersBefore });
  }
}
