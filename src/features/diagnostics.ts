// Diagnostics: the check rules as problems in the editor, the most severe first when capped, re-checked per edited line, debounced while typing.
import * as vscode from 'vscode';
import { FindingCode, LineChecker, RuleSetting, Severity } from '../core/check';
import { DocumentChecker, FindingSelection, LineEdit, LocatedFinding } from '../core/documentCheck';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { localized } from './coreMessages';
import { yieldToHost } from './yieldToHost';

export const DIAGNOSTIC_SOURCE = 'segmented-corpus';
/** Pause after typing before the edited lines are re-checked. */
const TYPING_DELAY = 150;
/** Pause after the last edit before the word statistics (sentence-break hints) are recounted. */
const STATS_DELAY = 1500;
/**
 * How long the first check of a document runs before it lets the extension host go on: the host
 * is shared by every extension, and a 20 MB corpus checked in one go held it for half a second.
 */
const SLICE_MS = 8;
/** The longest a first check waits for what it is asked to wait for (a consistency count on a thread). */
const MAX_WAIT_MS = 3000;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** How many problems a document has and how many the Problems panel shows. */
export interface ProblemSummary {
  readonly shown: number;
  readonly total: number;
}

/** How long a document's first check took (wall time, from the open to the problems published) and how much of that it waited. */
export interface FirstCheckTiming {
  readonly ms: number;
  readonly waitedMs: number;
}

interface Tracked {
  readonly checker: DocumentChecker;
  summary?: ProblemSummary;
  /** What was last published, as one string: an unchanged list is not published again. */
  published?: string;
  typingTimer?: ReturnType<typeof setTimeout>;
  statsTimer?: ReturnType<typeof setTimeout>;
  /** Set when the document closes or the settings reload: a first check still under way stops at its next slice. */
  cancelled?: boolean;
  /** When the first check began (performance.now()), and how many of its milliseconds went to waiting (for a consistency count on a thread). */
  began?: number;
  waited?: number;
  /** The first check, once done: its wall time and the part spent waiting (benchmarks and tests read it). */
  firstCheck?: FirstCheckTiming;
}

export class CorpusDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly tracked = new Map<string, Tracked>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly summaryChanged = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when what a document's problems summary says changes. */
  readonly onDidChangeSummary = this.summaryChanged.event;

  constructor(
    private readonly config: CorpusConfiguration,
    /** What a document's first check waits for before its next slice, if anything (see HostParts). */
    private readonly waitsFor?: (document: vscode.TextDocument) => Promise<void> | undefined,
  ) {
    vscode.workspace.onDidOpenTextDocument((d) => this.open(d), null, this.subscriptions);
    vscode.workspace.onDidCloseTextDocument((d) => this.close(d), null, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument((e) => this.changed(e), null, this.subscriptions);
    config.onDidChange(() => this.reloadAll(), null, this.subscriptions);
    // Documents already open are checked after activation returns, not during it.
    setTimeout(() => {
      for (const d of vscode.workspace.textDocuments) if (!this.tracked.has(d.uri.toString())) this.open(d);
    }, 0);
  }

  /** The findings behind a document's diagnostics (code actions read them). */
  checkerFor(document: vscode.TextDocument): DocumentChecker | undefined {
    return this.tracked.get(document.uri.toString())?.checker;
  }

  /** The document's first check, once done (undefined before, or when the diagnostics are off). */
  firstCheckOf(document: vscode.TextDocument): FirstCheckTiming | undefined {
    return this.tracked.get(document.uri.toString())?.firstCheck;
  }

  /** How many problems the document has and shows, once checked (undefined when it is not checked). */
  summaryFor(document: vscode.TextDocument): ProblemSummary | undefined {
    return this.tracked.get(document.uri.toString())?.summary;
  }

  /**
   * Every finding of the document as it is now, hints by statistics counted on it, with the
   * severities of the settings: the checker kept for the Problems panel brought up to date, or,
   * with the diagnostics off, a check made for the asking.
   */
  wholeFile(document: vscode.TextDocument): FindingSelection & { readonly all: readonly LocatedFinding[] } {
    const lineAt = (l: number) => document.lineAt(l).text;
    let checker = this.tracked.get(document.uri.toString())?.checker;
    if (!checker || checker.lineCount !== document.lineCount || !this.config.settingsFor(document).diagnosticsEnabled) {
      const { tokenizer, scheme, plan } = this.config.settingsFor(document);
      checker = new DocumentChecker(tokenizer, new LineChecker(scheme, this.severities(document), plan));
      checker.load(document.lineCount, lineAt);
    } else {
      checker.recheck(lineAt);
      if (!checker.hasFreshStats) checker.refreshStats(document.lineCount, lineAt);
    }
    const selection = checker.select(this.config.settingsFor(document).maxProblems);
    return { ...selection, all: checker.allFindings() };
  }

  private severities(document: vscode.TextDocument): Record<FindingCode, RuleSetting> {
    return this.config.settingsFor(document).severities;
  }

  private open(document: vscode.TextDocument): void {
    if (document.languageId !== LANGUAGE_ID) return;
    const { tokenizer, scheme, plan } = this.config.settingsFor(document);
    const checker = new DocumentChecker(tokenizer, new LineChecker(scheme, this.severities(document), plan));
    const state: Tracked = { checker };
    this.tracked.set(document.uri.toString(), state);
    if (!this.config.settingsFor(document).diagnosticsEnabled) return;
    checker.beginLoad(document.lineCount);
    state.began = performance.now();
    // The first slice runs now: a document that fits in it has its problems when the open (or the settings change) returns.
    if (this.loadSlice(document, state)) this.loaded(document, state);
    else void this.loadRest(document, state);
  }

  /** Checks the document's unchecked lines for one slice; returns whether the first check is done. */
  private loadSlice(document: vscode.TextDocument, state: Tracked): boolean {
    const end = performance.now() + SLICE_MS;
    return state.checker.loadSome((l) => document.lineAt(l).text, () => performance.now() >= end);
  }

  /** The rest of a first check, a slice per turn of the event loop; edits that come in between are taken on the way. */
  private async loadRest(document: vscode.TextDocument, state: Tracked): Promise<void> {
    // Waiting is bounded: past it the check goes on beside whatever it waits for.
    const waitUntil = performance.now() + MAX_WAIT_MS;
    do {
      await yieldToHost();
      await this.waitIfAsked(document, state, waitUntil);
      if (state.cancelled || document.isClosed) return;
    } while (!this.loadSlice(document, state));
    this.loaded(document, state);
  }

  /** Waits for what the first check is asked to wait for, if anything, until `waitUntil` at the latest; the wait is added to `state.waited`. */
  private async waitIfAsked(document: vscode.TextDocument, state: Tracked, waitUntil: number): Promise<void> {
    const waiting = this.waitsFor?.(document);
    const left = waitUntil - performance.now();
    if (!waiting || left <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = performance.now();
    await Promise.race([waiting, new Promise<void>((resolve) => (timer = setTimeout(resolve, left)))]);
    clearTimeout(timer);
    state.waited = (state.waited ?? 0) + performance.now() - started;
  }

  private loaded(document: vscode.TextDocument, state: Tracked): void {
    if (state.began !== undefined) state.firstCheck = { ms: performance.now() - state.began, waitedMs: state.waited ?? 0 };
    state.began = undefined;
    state.waited = undefined;
    this.publish(document);
    // An edit during the load left the statistics stale: recount them after the pause, as after typing.
    if (!state.checker.hasFreshStats) this.scheduleStats(document, state);
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.tracked.get(key);
    if (!state) return;
    state.cancelled = true;
    clearTimeout(state.typingTimer);
    clearTimeout(state.statsTimer);
    this.tracked.delete(key);
    this.collection.delete(document.uri);
    if (state.summary) this.summaryChanged.fire(document.uri);
  }

  private changed(event: vscode.TextDocumentChangeEvent): void {
    const document = event.document;
    const state = this.tracked.get(document.uri.toString());
    if (!state || event.contentChanges.length === 0) {
      // A language switch to ours comes as close + open; anything else is not ours.
      if (!state && document.languageId === LANGUAGE_ID) this.open(document);
      return;
    }
    const edits: LineEdit[] = event.contentChanges.map((change) => ({
      from: change.range.start.line,
      to: change.range.end.line,
      lineCount: (change.text.match(/\r\n|\r|\n/g)?.length ?? 0) + 1,
    }));
    state.checker.markEdited(edits);
    clearTimeout(state.typingTimer);
    state.typingTimer = setTimeout(() => this.recheck(document, state), TYPING_DELAY);
  }

  private recheck(document: vscode.TextDocument, state: Tracked): void {
    if (document.isClosed || !this.config.settingsFor(document).diagnosticsEnabled) return;
    // A first check under way takes the edited lines itself, a slice at a time, and publishes when done.
    if (state.checker.loading) return;
    state.checker.recheck((l) => document.lineAt(l).text);
    this.publish(document);
    this.scheduleStats(document, state);
  }

  private scheduleStats(document: vscode.TextDocument, state: Tracked): void {
    clearTimeout(state.statsTimer);
    state.statsTimer = setTimeout(() => {
      if (document.isClosed || state.checker.loading) return;
      state.checker.refreshStats(document.lineCount, (l) => document.lineAt(l).text);
      this.publish(document);
    }, STATS_DELAY);
  }

  private reloadAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (!this.tracked.has(document.uri.toString())) continue;
      this.close(document);
      this.open(document);
    }
  }

  /**
   * Sets the document's problems unless they are the ones already shown. Every set reaches the
   * workbench as a marker change, and a marker change re-requests code actions, which drops a
   * Ctrl+. menu that is on its way: the statistics recount after each pause mostly finds what
   * is already there, and must not close the menu the user just asked for.
   */
  private publish(document: vscode.TextDocument): void {
    const state = this.tracked.get(document.uri.toString());
    if (!state) return;
    const selection = state.checker.select(this.config.settingsFor(document).maxProblems);
    const found = selection.shown;
    const summary = { shown: found.length, total: selection.total };
    if (summary.shown !== state.summary?.shown || summary.total !== state.summary?.total) {
      state.summary = summary;
      this.summaryChanged.fire(document.uri);
    }
    const key = found.map(({ line, finding: f }) => `${line}:${f.start}:${f.end}:${f.code}:${f.severity}:${f.message}`).join('\n');
    if (key === state.published) return;
    state.published = key;
    const diagnostics = found.map(({ line, finding }) => {
      // The line checker always gives the message id; only the CLI's byte screen leaves it out.
      const text = finding.l10n ? localized(finding.l10n) : finding.message;
      const d = new vscode.Diagnostic(new vscode.Range(line, finding.start, line, finding.end), text, SEVERITY[finding.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = finding.code;
      return d;
    });
    this.collection.set(document.uri, diagnostics);
  }

  dispose(): void {
    for (const state of this.tracked.values()) {
      state.cancelled = true;
      clearTimeout(state.typingTimer);
      clearTimeout(state.statsTimer);
    }
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
    this.summaryChanged.dispose();
  }
}
