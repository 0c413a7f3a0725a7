// Which fixes one code-action request offers: bounded by what a person can act on, each line read once.
import { Fix, LineAnalysis, placeholderFixes, tokenFixes } from './actions';
import { FindingCode } from './check';
import { DocumentChecker, LocatedFinding } from './documentCheck';
import { tokenIndexAt } from './hover';
import { Message, MessageId, message, messageText } from './messages';
import { MarkTable } from './marks';
import { Scheme } from './scheme';
import { Token, Tokenizer } from './tokens';

/**
 * The most tokens whose fixes one request lists. The workbench asks on every selection change,
 * Ctrl+A included, and a menu is read by a person: a dozen places is already more than one acts on.
 */
export const MAX_TOKENS = 12;
/** The most characters of the range read to find tokens, past the cursor's and the problems' lines. */
export const MAX_SCAN_CHARS = 20_000;
/** The most cursors a placeholder rewrite is repeated at (their lines are read). */
export const MAX_CURSORS = 100;

export interface LinePosition {
  readonly line: number;
  /** UTF-16 offset in the line. */
  readonly character: number;
}

/** A problem the editor passes along with a request (one of this extension's diagnostics). */
export interface ProblemAt {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly code: FindingCode;
}

export interface ActionRequest<P extends ProblemAt = ProblemAt> {
  readonly start: LinePosition;
  readonly end: LinePosition;
  /** Asked by the workbench itself (the light bulb, on every selection change), not by Ctrl+. or a menu. */
  readonly automatic: boolean;
  /** The active ends of the editor's selections, the primary first (none when the document is not the active editor's). */
  readonly cursors: readonly LinePosition[];
  /** The problems of this extension the editor passes with the request. */
  readonly problems: readonly P[];
}

export interface DocumentLines {
  readonly lineCount: number;
  lineAt(line: number): string;
}

/** An edit in one line. */
export interface LineEdit {
  readonly line: number;
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

export interface PlannedFix<P> {
  readonly kind: 'quickfix' | 'rewrite';
  /** In English; `l10n` is the same for the editor to translate. */
  readonly title: string;
  readonly l10n: Message;
  readonly edits: readonly LineEdit[];
  readonly preferred: boolean;
  /** The problems of the request this fix resolves. */
  readonly problems: readonly P[];
}

/** An unknown digit: defined through the settings, so asked for rather than edited. */
export interface PlannedDefinition<P> {
  readonly kind: 'define';
  readonly title: string;
  readonly l10n: Message;
  readonly digit: string;
  readonly problems: readonly P[];
}

export type PlannedAction<P> = PlannedFix<P> | PlannedDefinition<P>;

export interface ActionPlan<P> {
  readonly actions: ReadonlyArray<PlannedAction<P>>;
  /** The codes of the problems on the tokens offered (a likely break there offers "all breaks in the file"). */
  readonly codes: ReadonlySet<FindingCode>;
  /**
   * Whether the range holds more than the tokens offered (several lines, or more than was read):
   * the document-wide actions then stand in for the rest.
   */
  readonly large: boolean;
}

interface Target {
  readonly line: number;
  readonly index: number;
}

/** "Ln 3, Col 7", as the status bar writes a position. */
export function placeName(line: number, character: number): Message {
  return message('placeName', line + 1, character + 1);
}

/** A title in English and as a message. */
function titled(m: Message): { title: string; l10n: Message } {
  return { title: messageText(m), l10n: m };
}

/**
 * The fixes of a request. The tokens looked at are, in this order and at most MAX_TOKENS: the one
 * under the first cursor in the range (the range's start when there is none), those with a problem
 * passed with the request (nearest the cursor first), and, for a request a person made (Ctrl+.),
 * the placeholders of the range itself, read from its start up to MAX_SCAN_CHARS. Each line is
 * tokenized, paired and split into sentences once. When the fixes concern more than one token,
 * each title says where it acts. Returns undefined when cancelled.
 */
export function planCodeActions<P extends ProblemAt>(
  request: ActionRequest<P>,
  document: DocumentLines,
  tokenizer: Tokenizer,
  scheme: Scheme,
  table: MarkTable,
  isCancelled: () => boolean = () => false,
): ActionPlan<P> | undefined {
  const { start, end } = request;
  const lines = new Map<number, LineAnalysis>();
  const analyse = (line: number): LineAnalysis => {
    let analysis = lines.get(line);
    if (!analysis) lines.set(line, (analysis = new LineAnalysis(tokenizer.tokenize(document.lineAt(line)), scheme, table)));
    return analysis;
  };
  const inRange = (p: LinePosition): boolean =>
    (p.line > start.line || (p.line === start.line && p.character >= start.character)) && (p.line < end.line || (p.line === end.line && p.character <= end.character));
  const problemsByLine = new Map<number, P[]>();
  for (const p of request.problems) {
    const list = problemsByLine.get(p.line);
    if (list) list.push(p);
    else problemsByLine.set(p.line, [p]);
  }

  const targets: Target[] = [];
  const chosen = new Set<string>();
  let large = end.line > start.line;
  const add = (line: number, index: number): boolean => {
    if (index < 0 || line < 0 || line >= document.lineCount) return true;
    const key = `${line}:${index}`;
    if (chosen.has(key)) return true;
    if (targets.length >= MAX_TOKENS) return false;
    chosen.add(key);
    targets.push({ line, index });
    return true;
  };
  const tokenAt = (p: LinePosition): number => (p.line < document.lineCount ? tokenIndexAt(analyse(p.line).tokens, p.character) : -1);

  // With several cursors a rewrite at the first is repeated at the others (repeatAtCursors): the
  // others are not places of their own.
  const cursors = request.cursors.filter(inRange).slice(0, 1);
  if (cursors.length === 0 && (start.line !== end.line || start.character === end.character)) cursors.push(start);
  for (const c of cursors) add(c.line, tokenAt(c));

  // Problems nearest the primary cursor first: with everything selected, the ones the person sees.
  const focus = request.cursors.find(inRange) ?? start;
  const distance = (p: ProblemAt): number => Math.abs(p.line - focus.line) * 1e6 + Math.abs(p.start - focus.character);
  const problems = request.problems.length <= MAX_TOKENS ? request.problems : [...request.problems].sort((a, b) => distance(a) - distance(b));
  for (const p of problems) {
    if (isCancelled()) return undefined;
    if (targets.length >= MAX_TOKENS) {
      large = true;
      break;
    }
    add(p.line, tokenAt({ line: p.line, character: p.start }));
  }

  if (!request.automatic) {
    let read = 0;
    scan: for (let l = start.line; l <= end.line && l < document.lineCount; l++) {
      if (isCancelled()) return undefined;
      const text = document.lineAt(l);
      if (read + text.length > MAX_SCAN_CHARS && l > start.line) {
        large = true;
        break;
      }
      read += text.length;
      const { tokens } = analyse(l);
      const from = l === start.line ? start.character : 0;
      const to = l === end.line ? end.character : text.length;
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.end < from || t.start > to) continue;
        // A word offers nothing unless it has a problem (then it is a target already).
        if (t.digit === undefined) continue;
        if (!add(l, i)) {
          large = true;
          break scan;
        }
      }
    }
  }

  if (isCancelled()) return undefined;
  return { ...fixesOf(targets, analyse, problemsByLine, request, tokenAt), large };
}

/** The fixes of the chosen tokens, in their order, duplicates dropped, located when there are several. */
function fixesOf<P extends ProblemAt>(
  targets: readonly Target[],
  analyse: (line: number) => LineAnalysis,
  problemsByLine: ReadonlyMap<number, P[]>,
  request: ActionRequest<P>,
  tokenAt: (p: LinePosition) => number,
): Omit<ActionPlan<P>, 'large'> {
  const codes = new Set<FindingCode>();
  const perTarget: Array<{ target: Target; token: Token; actions: Array<PlannedAction<P>> }> = [];
  for (const target of targets) {
    const analysis = analyse(target.line);
    const token = analysis.tokens[target.index];
    const own = (problemsByLine.get(target.line) ?? []).filter((p) => p.start < token.end && p.end > token.start);
    const about = (resolves: readonly FindingCode[]) => own.filter((p) => resolves.includes(p.code));
    own.forEach((p) => codes.add(p.code));
    const actions: Array<PlannedAction<P>> = [];
    if (token.digit !== undefined && token.role === 'unknown') {
      actions.push({ kind: 'define', ...titled(message('definePlaceholderAs', token.digit)), digit: token.digit, problems: about(['unknown-placeholder']) });
    }
    for (const { fix, kind, resolves, rewriteIndex } of tokenFixes(analysis, target.index, new Set(own.map((p) => p.code)))) {
      const edits = fix.edits.map((e) => ({ line: target.line, ...e }));
      const repeated = rewriteIndex === undefined ? undefined : repeatAtCursors(request, target, token, rewriteIndex, analyse, tokenAt);
      actions.push({
        kind,
        ...(repeated && repeated.count > 1 ? titled(message('inSelections', fix.l10n, repeated.count)) : { title: fix.title, l10n: fix.l10n }),
        edits: repeated ? [...edits, ...repeated.edits] : edits,
        preferred: fix.preferred === true,
        problems: about(resolves),
      });
    }
    if (actions.length > 0) perTarget.push({ target, token, actions });
  }

  const located = perTarget.length > 1;
  const out: Array<PlannedAction<P>> = [];
  const seen = new Set<string>();
  const push = (action: PlannedAction<P>): void => {
    // The same change twice (a pair from both ends, a sentence that is the whole line) is one entry.
    const key = action.kind === 'define' ? `define:${action.digit}` : action.edits.map((e) => `${e.line}:${e.offset}:${e.length}:${e.text}`).join('|');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(action);
  };
  for (const { target, token, actions } of perTarget) {
    for (const action of actions) push(located && action.kind !== 'define' ? { ...action, ...titled(message('atPlace', action.l10n, placeName(target.line, token.start))) } : action);
  }
  // The line restores after the token fixes, one per line.
  for (const line of new Set(perTarget.map((t) => t.target.line))) {
    const edits = analyse(line).restoreEdits();
    if (edits.length === 0) continue;
    const title = located ? message('restoreLineNumbered', line + 1) : message('restoreLine');
    push({ kind: 'rewrite', ...titled(title), edits: edits.map((e) => ({ line, ...e })), preferred: false, problems: [] });
  }
  return { actions: out, codes };
}

/**
 * The placeholder rewrite number `k` repeated at the other cursors that sit on the same digit in
 * the same form (multi-cursor): the same choice everywhere the person pointed.
 */
function repeatAtCursors<P extends ProblemAt>(
  request: ActionRequest<P>,
  target: Target,
  token: Token,
  k: number,
  analyse: (line: number) => LineAnalysis,
  tokenAt: (p: LinePosition) => number,
): { count: number; edits: LineEdit[] } | undefined {
  if (request.cursors.length < 2) return undefined;
  const edits: LineEdit[] = [];
  let count = 1;
  const done = new Set<string>([`${target.line}:${target.index}`]);
  for (const cursor of request.cursors.slice(0, MAX_CURSORS)) {
    const index = tokenAt(cursor);
    const key = `${cursor.line}:${index}`;
    if (index < 0 || done.has(key)) continue;
    done.add(key);
    const analysis = analyse(cursor.line);
    const other = analysis.tokens[index];
    if (other.digit !== token.digit || other.kind !== token.kind) continue;
    const fix = placeholderFixes(analysis, index)[k];
    if (!fix) continue;
    count++;
    for (const e of fix.edits) edits.push({ line: cursor.line, ...e });
  }
  return { count, edits };
}

/** A document-wide action: counted now from the checker, its edits computed when it is chosen. */
export type WideAction =
  | { readonly kind: 'everywhere'; readonly code: FindingCode; readonly count: number; readonly title: string; readonly l10n: Message }
  | { readonly kind: 'restore'; readonly from: number; readonly to: number; readonly count: number; readonly title: string; readonly l10n: Message };

// The title of each problem fixed everywhere, for one and for many.
const PLURAL: Partial<Record<FindingCode, [MessageId, MessageId]>> = {
  'unmatched-pair': ['fixUnmatchedPairOne', 'fixUnmatchedPairMany'],
  'glued-placeholder': ['fixGluedPlaceholderOne', 'fixGluedPlaceholderMany'],
  'separator-before-final': ['fixSeparatorBeforeFinalOne', 'fixSeparatorBeforeFinalMany'],
  'malformed-join': ['fixMalformedJoinOne', 'fixMalformedJoinMany'],
};

const counted = (n: number): string => n.toLocaleString('en-US');

function everywhereTitle(code: FindingCode, n: number): { title: string; l10n: Message } {
  const [one, many] = code === 'likely-sentence-break' ? (['endAllBreaksOne', 'endAllBreaksMany'] as const) : (PLURAL[code] as [MessageId, MessageId]);
  return titled(message(n === 1 ? one : many, counted(n)));
}

/**
 * The document-wide actions for a plan: "all likely breaks in the file" after a likely break (when
 * there are others), and for a large range, each problem fixed everywhere and the range's
 * placeholders restored, every title saying how many places it changes. Counts come from the
 * checker's results: no line is read, and the counts are kept until the next edit (the
 * diagnostics' publishing counts them first).
 */
export function wideActions(checker: DocumentChecker, plan: Pick<ActionPlan<unknown>, 'codes' | 'large'>, fromLine: number, toLine: number): WideAction[] {
  const out: WideAction[] = [];
  // A request at a cursor with no likely break reads no count at all: it comes on every keystroke.
  if (!plan.large && !plan.codes.has('likely-sentence-break')) return out;
  const breaks = checker.tokensWith('likely-sentence-break');
  if ((plan.codes.has('likely-sentence-break') && breaks > 1) || (plan.large && breaks > 0)) {
    out.push({ kind: 'everywhere', code: 'likely-sentence-break', count: breaks, ...everywhereTitle('likely-sentence-break', breaks) });
  }
  if (!plan.large) return out;
  for (const code of Object.keys(PLURAL) as FindingCode[]) {
    const n = checker.tokensWith(code);
    if (n > 0) out.push({ kind: 'everywhere', code, count: n, ...everywhereTitle(code, n) });
  }
  const to = Math.min(toLine, checker.lineCount - 1);
  const placeholders = checker.placeholdersIn(fromLine, to);
  if (placeholders > 0) {
    const one = placeholders === 1;
    const title =
      fromLine <= 0 && to >= checker.lineCount - 1
        ? message(one ? 'restoreCountInFileOne' : 'restoreCountInFileMany', counted(placeholders))
        : message(one ? 'restoreCountInLinesOne' : 'restoreCountInLinesMany', counted(placeholders), counted(fromLine + 1), counted(to + 1));
    out.push({ kind: 'restore', from: fromLine, to, count: placeholders, ...titled(title) });
  }
  return out;
}

/**
 * The edits of a document-wide action, computed when it is chosen: each line with a finding of
 * the code is read once, and each token gets the fix of that problem the editor prefers there
 * (given all of the token's problems). Undefined when cancelled.
 */
export function wideActionEdits(
  action: WideAction,
  checker: DocumentChecker,
  document: DocumentLines,
  tokenizer: Tokenizer,
  scheme: Scheme,
  table: MarkTable,
  isCancelled: () => boolean = () => false,
): LineEdit[] | undefined {
  const edits: LineEdit[] = [];
  if (action.kind === 'restore') {
    for (let l = action.from; l <= action.to && l < document.lineCount; l++) {
      if ((l & 1023) === 0 && isCancelled()) return undefined;
      for (const e of new LineAnalysis(tokenizer.tokenize(document.lineAt(l)), scheme, table).restoreEdits()) edits.push({ line: l, ...e });
    }
    return edits;
  }
  checker.recheck((l) => document.lineAt(l));
  const found = checker.findingsOf(action.code);
  if (action.code === 'likely-sentence-break') {
    // A break's finding spans its separator digit: the edit of sentenceBreakFix, without reading the line.
    for (const { line, finding } of found) edits.push({ line, offset: finding.start, length: finding.end - finding.start, text: '.' });
    return edits;
  }
  const byLine = new Map<number, LocatedFinding[]>();
  for (const f of found) {
    const list = byLine.get(f.line);
    if (list) list.push(f);
    else byLine.set(f.line, [f]);
  }
  let k = 0;
  for (const [line, findings] of byLine) {
    if ((k++ & 255) === 0 && isCancelled()) return undefined;
    const analysis = new LineAnalysis(tokenizer.tokenize(document.lineAt(line)), scheme, table);
    const all = checker.lineFindings(line);
    const done = new Set<number>();
    for (const { finding } of findings) {
      if (done.has(finding.tokenIndex)) continue;
      done.add(finding.tokenIndex);
      const problems = new Set(all.filter((f) => f.tokenIndex === finding.tokenIndex).map((f) => f.code));
      const fixes = tokenFixes(analysis, finding.tokenIndex, problems).filter((f) => f.resolves.includes(action.code));
      const fix: Fix | undefined = (fixes.find((f) => f.fix.preferred) ?? fixes[0])?.fix;
      if (fix) for (const e of fix.edits) edits.push({ line, ...e });
    }
  }
  return edits;
}
