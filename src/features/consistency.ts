// Consistency in the editor: variations counted over a document or the workspace's corpus files, kept up to date as you type, published as `inconsistent-segmentation` problems.
//
// Counting is done by core/variations.ts; this file decides what is counted together (a tally),
// keeps each open document's lines as they were counted (so an edit is counted out and in
// without re-reading anything), and spreads the long passes over time slices so that typing is
// never held up. A newer edit or setting cancels a pass in progress. A big document alone in its
// tally is counted on a thread of its own where the host has threads (Node): the host only reads
// its lines into blocks, a slice at a time, and takes the counts and findings back.
import * as vscode from 'vscode';
import { parseLexicon } from '../core/lexicon';
import { SpelledLines } from '../core/syllables';
import { ConsistencyOptions, EncodedLines, SegmentationFinding, Variation, Variations } from '../core/variations';
import type { CountAnswer, CountRequest } from '../node/countWorker';
import { ConsistencySettings, CorpusConfiguration, LANGUAGE_ID } from './configuration';
import type { CountThread } from './consistencyRegistration';
import { localized } from './coreMessages';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { yieldToHost } from './yieldToHost';

export const CONSISTENCY_CODE = 'inconsistent-segmentation';
/** The corpus files of a workspace: the language's file extensions. */
export const CORPUS_GLOB = '**/*.{seg,wseg,tok}';
/** `auto` counts over the workspace below this many bytes of corpus files. */
export const AUTO_WORKSPACE_BYTES = 200 * 1024 * 1024;
/** A workspace count over more bytes than this shows a notification (with Cancel) instead of a status bar item. */
const NOTIFY_BYTES = 20 * 1024 * 1024;
/** Pause after typing before the judgements are brought up to date. */
const TYPING_DELAY = 150;
/** Pause after a corpus file changes on disk before the workspace is recounted. */
const RECOUNT_DELAY = 1000;
/** The longest the extension host is held by a pass before it lets other work run. */
const SLICE_MS = 8;
/** Lines are read and encoded for counting this many characters at a time (a few hundred microseconds), not a document at once. */
const BLOCK_CHARS = 1 << 16;
/** An edit of more lines than this is recounted from scratch (in slices) rather than counted out and in at once. */
const MAX_INCREMENTAL_LINES = 2000;
/** A document up to this many characters has a new compound counted over it at once (a few ms); a larger one in slices. */
const MAX_SYNC_RECOUNT_CHARS = 500_000;
const IGNORED_KEY = 'segmentedCorpus.consistency.ignored';
/**
 * A document alone in its tally with at least this many characters is counted on a thread of its
 * own (where the host has one): below it, the thread's start costs more than the slices it saves.
 */
const OFF_THREAD_MIN_CHARS = 1_000_000;

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** An open document whose lines are counted in a tally. */
interface CountedDocument {
  readonly document: vscode.TextDocument;
  tally: Tally;
  /** The lines as counted, and each one's findings (undefined: not judged yet), kept in step by edits. */
  lines: string[];
  findings: Array<SegmentationFinding[] | undefined>;
  /** Lines edited since the last judgement. */
  edited: Set<number>;
  /** Disagreeing occurrences per sequence, from the last full judgement (the quick fixes' counts). */
  perSequence: Map<string, number>;
  /** The document version the findings describe. */
  judgedVersion: number;
  published?: string;
}

/** What is counted together: one document, or the workspace's corpus files. */
class Tally {
  variations = new Variations();
  readonly documents = new Set<CountedDocument>();
  /** Workspace corpus files counted from disk (not open). */
  files: vscode.Uri[] = [];
  ready = false;
  /** Bumped by anything that makes a pass in progress stale. */
  generation = 0;
  timer?: ReturnType<typeof setTimeout>;
  /** The thread counting it, while one does. */
  thread?: CountThread;
  constructor(readonly workspace: boolean) {}
}

/** One place a sequence occurs, for the view and the search. */
export interface Occurrence {
  readonly uri: vscode.Uri;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The occurrence as written. */
  readonly text: string;
}

/**
 * Yields to the event loop when the current slice is used up. Callers ask `due` first and await
 * `next()` only then: an await per line, yielding or not, costs a turn of the microtask queue each
 * (a hundred thousand short lines, a hundred thousand turns).
 */
class Slicer {
  private started = performance.now();
  /** Milliseconds spent working, yields left out. */
  busy = 0;
  get due(): boolean {
    return performance.now() - this.started >= SLICE_MS;
  }
  async next(): Promise<void> {
    const now = performance.now();
    if (now - this.started < SLICE_MS) return;
    this.busy += now - this.started;
    await yieldToHost();
    this.started = performance.now();
  }
  /** busy, with the slice in progress. */
  get total(): number {
    return this.busy + performance.now() - this.started;
  }
}

/** The CPU time of the extension host's process so far, in ms (user and system); 0 in the web host, which cannot tell. */
function cpuMs(): number {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return 0;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** How many characters a document has (line breaks included). */
function charsOf(document: vscode.TextDocument): number {
  return document.offsetAt(new vscode.Position(document.lineCount, 0));
}

function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Consecutive lines of a document encoded to UTF-8 as the counting reads them; `first` is the index of the first. */
interface EncodedBlock {
  readonly first: number;
  readonly encoded: EncodedLines;
}

/**
 * The lines from `first` on, about BLOCK_CHARS characters of them (one line at least), encoded;
 * with `document`, they are read from it into `lines` first.
 */
function encodeBlock(lines: string[], first: number, document?: vscode.TextDocument): EncodedBlock {
  let last = first;
  let chars = 0;
  while (last < lines.length && (last === first || chars < BLOCK_CHARS)) {
    if (document) lines[last] = document.lineAt(last).text;
    chars += lines[last++].length + 1;
  }
  return { first, encoded: new EncodedLines(lines.slice(first, last)) };
}

/**
 * Calls `take` with each line of a file's UTF-8 bytes as [start, end), in order, without decoding
 * them: the counting reads bytes. A CR ends a line as an LF does (CRLF then leaves an empty line
 * between, which counts nothing), and a byte order mark is not part of the first word.
 */
async function forEachLineOfBytes(bytes: Uint8Array, take: (start: number, end: number) => void, slicer: Slicer, going: () => boolean): Promise<boolean> {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) continue;
    take(start, i);
    start = i + 1;
    if (slicer.due) {
      await slicer.next();
      if (!going()) return false;
    }
  }
  return true;
}

export class CorpusConsistency implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-consistency`);
  private readonly documents = new Map<string, CountedDocument>();
  private workspaceTally: Tally | undefined;
  private lexiconWords: string[] = [];
  private lexiconWatcher: vscode.Disposable | undefined;
  private workspaceWatcher: vscode.FileSystemWatcher | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when counts or judgements change (the view listens). */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private scopeGeneration = 0;
  /**
   * Nothing is read or counted until a corpus is open or the variations view asks: opening any
   * .txt activates the extension (onLanguage:plaintext, for auto-detect), and that must not start
   * a search of the workspace.
   */
  private started = false;
  /** A restart (the first comes with the first corpus) is reading the lexicon or deciding the scope: what is counted is about to be replaced. */
  private restarting = true;
  /**
   * Milliseconds of the last full count (wall time, slices included; `countCpu`: the CPU time of the
   * extension host meanwhile, 0 where it cannot be read), edit counted out and in, and update after
   * typing (read by the benchmark).
   */
  readonly timings = { count: 0, countBusy: 0, countCpu: 0, edit: 0, update: 0 };
  private disposed = false;
  /** Documents of at least this many characters are counted off the host's thread, where it has threads (tests lower it). */
  offThreadMinChars = OFF_THREAD_MIN_CHARS;
  /** How many counts a thread of their own made (read by the tests). */
  countsOffThread = 0;
  /** How many of those read the document's saved file instead of lines sent to them (read by the tests). */
  countsFromFile = 0;

  constructor(
    private readonly config: CorpusConfiguration,
    private readonly state: vscode.Memento,
    private readonly countThread?: (document: string) => CountThread,
  ) {
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (this.started) this.open(d);
      else if (d.languageId === LANGUAGE_ID) this.start();
    }, null, this.subscriptions);
    vscode.workspace.onDidCloseTextDocument((d) => this.close(d), null, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.started) this.edited(e);
    }, null, this.subscriptions);
    let last = JSON.stringify(config.windowSettings.consistency);
    let severity = config.windowSettings.severities[CONSISTENCY_CODE];
    config.onDidChange(
      () => {
        const settings = config.windowSettings;
        const now = JSON.stringify(settings.consistency);
        if (now !== last) {
          last = now;
          if (this.started) void this.restart();
        } else if (settings.severities[CONSISTENCY_CODE] !== severity) {
          severity = settings.severities[CONSISTENCY_CODE];
          for (const counted of this.documents.values()) this.publish(counted, true);
        } else {
          for (const counted of this.documents.values()) this.publish(counted);
        }
      },
      null,
      this.subscriptions,
    );
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      if (this.started) void this.restart();
    }, null, this.subscriptions);
    // After activation returns: the corpus whose opening activated the extension.
    setTimeout(() => {
      if (vscode.workspace.textDocuments.some((d) => d.languageId === LANGUAGE_ID)) this.start();
    }, 0);
  }

  /** Whether counting has begun (a corpus was opened or the view asked); read by the tests. */
  get counting(): boolean {
    return this.started;
  }

  /** The first count: the lexicon read, the scope decided, the open corpora (and the workspace's) counted. */
  private start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    void this.restart();
  }

  private get settings(): ConsistencySettings {
    return this.config.windowSettings.consistency;
  }

  /** The thresholds of a count, from the settings. */
  private get countOptions(): Partial<ConsistencyOptions> {
    return { minCount: this.settings.minOccurrences, minShare: this.settings.minShare };
  }

  // ---- what is counted together -------------------------------------------------------------

  /** Reads the lexicon, decides the scope, and counts everything again. */
  private async restart(): Promise<void> {
    const generation = ++this.scopeGeneration;
    this.restarting = true;
    await this.loadLexicon();
    const workspace = await this.useWorkspace();
    if (generation !== this.scopeGeneration || this.disposed) return;
    this.restarting = false;
    for (const counted of this.documents.values()) counted.tally.generation++;
    this.documents.clear();
    this.collection.clear();
    this.workspaceWatcher?.dispose();
    this.workspaceWatcher = undefined;
    this.workspaceTally = workspace ? new Tally(true) : undefined;
    if (this.workspaceTally) {
      const watcher = vscode.workspace.createFileSystemWatcher(CORPUS_GLOB);
      const onDisk = (uri: vscode.Uri) => {
        // An open document is counted from its live text; its saves change nothing.
        if (!this.documents.has(uri.toString())) this.schedule(this.workspaceTally, RECOUNT_DELAY);
      };
      watcher.onDidChange(onDisk);
      watcher.onDidCreate(onDisk);
      watcher.onDidDelete(onDisk);
      this.workspaceWatcher = watcher;
    }
    for (const document of vscode.workspace.textDocuments) this.open(document, false);
    const tallies = new Set([...this.documents.values()].map((c) => c.tally));
    if (this.workspaceTally) tallies.add(this.workspaceTally);
    for (const tally of tallies) void this.count(tally);
  }

  /** Whether the workspace's corpus files are counted together, as the scope setting says. */
  private async useWorkspace(): Promise<boolean> {
    const scope = this.settings.scope;
    if (scope === 'document' || !vscode.workspace.workspaceFolders?.length) return false;
    if (scope === 'workspace') return true;
    let total = 0;
    for (const uri of await vscode.workspace.findFiles(CORPUS_GLOB)) {
      total += await vscode.workspace.fs.stat(uri).then(
        (s) => s.size,
        () => 0,
      );
      if (total >= AUTO_WORKSPACE_BYTES) return false;
    }
    return true;
  }

  private inWorkspace(document: vscode.TextDocument): boolean {
    return document.uri.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
  }

  private open(document: vscode.TextDocument, countNow = true): void {
    if (document.languageId !== LANGUAGE_ID || this.documents.has(document.uri.toString())) return;
    const shared = this.workspaceTally && this.inWorkspace(document) ? this.workspaceTally : undefined;
    const tally = shared ?? new Tally(false);
    // A tally of its own counts the document at once, reading it on the way: nothing to read now.
    const lines = shared ? linesOf(document.getText()) : [];
    const counted: CountedDocument = {
      document,
      tally,
      lines,
      findings: new Array<SegmentationFinding[] | undefined>(lines.length),
      edited: new Set(),
      perSequence: new Map(),
      judgedVersion: -1,
    };
    this.documents.set(document.uri.toString(), counted);
    tally.documents.add(counted);
    if (!countNow) return;
    if (!shared) {
      void this.count(tally);
      return;
    }
    // A workspace file opening as it is on disk is already counted: only its lines are taken.
    const index = tally.files.findIndex((f) => f.toString() === document.uri.toString());
    if (tally.ready && index >= 0 && !document.isDirty) {
      tally.files.splice(index, 1);
      void this.judgeAll(counted, tally.generation);
    } else {
      this.schedule(tally, 0);
    }
  }

  private close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const counted = this.documents.get(key);
    if (!counted) return;
    this.documents.delete(key);
    counted.tally.documents.delete(counted);
    this.collection.delete(document.uri);
    if (counted.tally.workspace) {
      void this.backToDisk(counted);
    } else {
      counted.tally.generation++;
      counted.tally.thread?.terminate();
    }
    this.changed.fire();
  }

  /**
   * A workspace document closed: its file on disk counts now. Usually that is the text counted
   * (saved, or never edited); unsaved changes closed away are counted out, the file in.
   */
  private async backToDisk(counted: CountedDocument): Promise<void> {
    const tally = counted.tally;
    const generation = tally.generation;
    const bytes = await vscode.workspace.fs.readFile(counted.document.uri).then(
      (b) => b,
      () => undefined,
    );
    if (!tally.ready || generation !== tally.generation || this.disposed) return this.schedule(tally, 0);
    if (bytes) tally.files.push(counted.document.uri);
    const disk = bytes ? linesOf(new TextDecoder().decode(bytes)) : [];
    if (disk.length === counted.lines.length && disk.every((line, l) => line === counted.lines[l])) return;
    const v = tally.variations;
    for (const line of counted.lines) v.countText(line, -1);
    for (const line of disk) v.noteCompoundsOfText(line);
    for (const line of disk) v.countText(line, 1);
    if (v.hasFresh) return this.schedule(tally, 0);
    tally.generation++;
    for (const other of tally.documents) if ((await this.judgeAll(other, tally.generation)) === false) return;
    this.changed.fire();
  }

  // ---- edits ----------------------------------------------------------------------------------

  private edited(event: vscode.TextDocumentChangeEvent): void {
    const counted = this.documents.get(event.document.uri.toString());
    if (!counted) {
      if (event.document.languageId === LANGUAGE_ID) this.open(event.document);
      return;
    }
    if (event.contentChanges.length === 0) return;
    const started = performance.now();
    const tally = counted.tally;
    let incremental = tally.ready;
    // Changes arrive in the order they apply, each in the coordinates left by the ones before. A
    // line is counted out once, as it was counted, however many changes touch it (a command at a
    // thousand cursors on one line sends a thousand), and counted in once, as it ends up.
    let pending = new Set<number>();
    let countedOut = 0;
    const v = tally.variations;
    for (const change of event.contentChanges) {
      const from = change.range.start.line;
      const to = change.range.end.line;
      const before = counted.lines.slice(from, to + 1);
      const head = before[0]?.slice(0, change.range.start.character) ?? '';
      const tail = before[before.length - 1]?.slice(change.range.end.character) ?? '';
      const after = linesOf(head + change.text + tail);
      if (incremental && before.length + after.length > MAX_INCREMENTAL_LINES) incremental = false;
      if (incremental) {
        for (let l = from; l <= to; l++) {
          if (pending.has(l)) continue;
          v.countText(counted.lines[l], -1);
          countedOut++;
        }
        if (countedOut > MAX_INCREMENTAL_LINES) incremental = false;
      }
      counted.lines.splice(from, to - from + 1, ...after);
      counted.findings.splice(from, to - from + 1, ...new Array<undefined>(after.length));
      // Line numbers after the change move with it.
      const shift = (lines: Set<number>) => {
        const moved = new Set<number>();
        for (const l of lines) if (l < from || l > to) moved.add(l > to ? l + after.length - before.length : l);
        return moved;
      };
      if (after.length !== before.length) {
        counted.edited = shift(counted.edited);
        pending = shift(pending);
      }
      for (let l = from; l < from + after.length; l++) {
        counted.edited.add(l);
        pending.add(l);
      }
    }
    if (incremental) {
      for (const l of pending) v.noteCompoundsOfText(counted.lines[l]);
      for (const l of pending) v.countText(counted.lines[l], 1);
    }
    if (!incremental) {
      // Counted from scratch: the pass in progress (if any) read lines that are no longer there.
      tally.ready = false;
      this.schedule(tally, TYPING_DELAY);
      return;
    }
    tally.generation++;
    clearTimeout(tally.timer);
    tally.timer = setTimeout(() => {
      tally.timer = undefined;
      void this.update(tally);
    }, TYPING_DELAY);
    this.timings.edit = performance.now() - started;
  }

  /**
   * After a pause in typing: compounds that are new to the tally are counted over everything, then
   * the edited lines are judged and published at once, and every line in the background (a new
   * majority can change the verdict of any occurrence of its sequence, and the counts in every message).
   */
  private async update(tally: Tally): Promise<void> {
    if (!tally.ready) return;
    const started = performance.now();
    const v = tally.variations;
    if (v.hasFresh) {
      // A compound new to the tally is counted over every line: at once in a small document, in slices otherwise.
      const [counted] = tally.documents;
      if (tally.workspace || !counted || counted.lines.reduce((sum, line) => sum + line.length, 0) > MAX_SYNC_RECOUNT_CHARS) return this.count(tally);
      v.recountFresh(counted.lines.length, (l) => counted.lines[l]);
    }
    const generation = tally.generation;
    for (const counted of tally.documents) {
      for (const l of counted.edited) if (l < counted.lines.length) counted.findings[l] = v.findingsOfText(counted.lines[l]);
      counted.edited.clear();
      this.publish(counted);
    }
    this.timings.update = performance.now() - started;
    for (const counted of tally.documents) if ((await this.judgeAll(counted, generation)) === false) return;
    this.changed.fire();
  }

  // ---- counting -------------------------------------------------------------------------------

  /** Counts the tally after `delay` ms, replacing any count planned or in progress. */
  private schedule(tally: Tally | undefined, delay: number): void {
    if (!tally) return;
    tally.generation++;
    clearTimeout(tally.timer);
    tally.timer = setTimeout(() => {
      tally.timer = undefined;
      void this.count(tally);
    }, delay);
  }

  /** Counts a tally from scratch: every line's compounds, then every occurrence; then judges. */
  private async count(tally: Tally): Promise<void> {
    clearTimeout(tally.timer);
    tally.timer = undefined;
    // A count still running on a thread is for text that has changed since.
    tally.thread?.terminate();
    const started = performance.now();
    const startedCpu = cpuMs();
    const generation = ++tally.generation;
    tally.ready = false;
    const stale = () => generation !== tally.generation || this.disposed;
    const v = new Variations(this.countOptions);
    for (const word of this.lexiconWords) v.addLexiconWord(word);
    for (const counted of tally.documents) {
      counted.findings = new Array<SegmentationFinding[] | undefined>(counted.document.lineCount);
      counted.edited.clear();
    }
    let files: vscode.Uri[] = [];
    if (tally.workspace) {
      const open = new Set([...tally.documents].map((c) => c.document.uri.toString()));
      files = (await vscode.workspace.findFiles(CORPUS_GLOB)).filter((f) => !open.has(f.toString()));
      if (stale()) return;
    }
    const [only] = tally.documents;
    if (!tally.workspace && tally.documents.size === 1 && this.countThread && charsOf(only.document) >= this.offThreadMinChars) {
      const slicer = new Slicer();
      const busy = await this.countOffThread(this.countThread, tally, only, stale, slicer);
      if (busy === false || stale()) return;
      if (busy !== undefined) {
        this.countsOffThread++;
        this.timings.count = performance.now() - started;
        this.timings.countBusy = busy;
        this.timings.countCpu = cpuMs() - startedCpu;
        this.changed.fire();
        return;
      }
      // The thread failed (it said why in the host's log): counted here instead.
    }
    // Open documents count with their live text: read and encoded a block at a time in the first
    // pass (an edit on the way makes the count stale), each line kept as its tokens' spelling
    // numbers (SpelledLines), which the second pass and the search for the lines to judge replay
    // instead of scanning and hashing the bytes again; the blocks are kept for the findings of the
    // lines that disagree (and, past SpelledLines' bound, for the second pass).
    const blocksOf = new Map<CountedDocument, EncodedBlock[]>();
    const spelled = new SpelledLines();
    /** Where each open document's lines start among the spelled lines. */
    const spelledFrom = new Map<CountedDocument, number>();
    const slicer = new Slicer();
    const run = async (token?: vscode.CancellationToken, report?: (done: number) => void): Promise<boolean> => {
      // Only a yield lets an edit, a close or Cancel in: checked after each.
      const going = () => !stale() && !token?.isCancellationRequested;
      for (const pass of ['compounds', 'occurrences'] as const) {
        for (const counted of tally.documents) {
          let blocks = blocksOf.get(counted);
          if (!blocks) {
            counted.lines = new Array<string>(counted.document.lineCount);
            blocks = [];
            blocksOf.set(counted, blocks);
            spelledFrom.set(counted, spelled.lineCount);
          }
          const lines = counted.lines;
          const from = spelledFrom.get(counted) ?? 0;
          for (let b = 0, first = 0; first < lines.length; b++) {
            if (b === blocks.length) blocks.push(encodeBlock(lines, first, counted.document));
            const { bytes, starts, ends } = blocks[b].encoded;
            if (pass === 'occurrences' && !spelled.full) {
              // A block's spellings replay in a fraction of a millisecond: the slice is checked per block.
              v.countSpelled(spelled, from + first, from + first + starts.length);
              if (slicer.due) {
                await slicer.next();
                if (!going()) return false;
              }
            } else {
              for (let k = 0; k < starts.length; k++) {
                if (pass === 'compounds') v.noteCompoundsSpelling(bytes, starts[k], ends[k], spelled);
                else v.count(bytes, starts[k], ends[k]);
                if (slicer.due) {
                  await slicer.next();
                  if (!going()) return false;
                }
              }
            }
            first += starts.length;
          }
        }
        for (const [index, uri] of files.entries()) {
          report?.((pass === 'compounds' ? index : files.length + index) / (2 * files.length));
          const bytes = await vscode.workspace.fs.readFile(uri).then(
            (b) => b,
            () => new Uint8Array(0),
          );
          if (stale() || token?.isCancellationRequested) return false;
          const take = pass === 'compounds' ? (start: number, end: number) => v.noteCompounds(bytes, start, end) : (start: number, end: number) => v.count(bytes, start, end);
          if (!(await forEachLineOfBytes(bytes, take, slicer, going))) return false;
        }
      }
      return true;
    };
    let done: boolean;
    if (tally.workspace && files.length > 0) {
      // A small workspace counts in a moment: the status bar says so; a large one gets a notification with Cancel.
      let bytes = 0;
      for (const uri of files) bytes += await vscode.workspace.fs.stat(uri).then((s) => s.size, () => 0);
      if (stale()) return;
      done = await vscode.window.withProgress(
        { location: bytes > NOTIFY_BYTES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: vscode.l10n.t('Segmented Corpus: counting segmentation variations'), cancellable: true },
        async (progress, token) => {
          let reported = 0;
          return run(token, (share) => {
            const percent = Math.floor(share * 100);
            if (percent > reported) progress.report({ increment: percent - reported, message: vscode.l10n.t('{0} files', files.length) });
            reported = Math.max(reported, percent);
          });
        },
      );
    } else {
      done = await run();
    }
    if (!done || stale()) return;
    let busy = slicer.total;
    tally.variations = v;
    tally.files = files;
    tally.ready = true;
    for (const counted of tally.documents) {
      const from = spelledFrom.get(counted);
      const judged = await this.judgeAll(counted, generation, blocksOf.get(counted), spelled.full || from === undefined ? undefined : { spelled, from });
      if (judged === false) return;
      busy += judged;
    }
    this.timings.count = performance.now() - started;
    this.timings.countBusy = busy;
    this.timings.countCpu = cpuMs() - startedCpu;
    this.changed.fire();
  }

  /**
   * Counts and judges a document alone in its tally on a thread of its own: here its lines are only
   * read and encoded, a block per slice, and sent over; the counts and the findings come back.
   * The milliseconds the host worked on it (the wait for the thread left out); false when made
   * stale on the way; undefined when the thread failed.
   */
  private async countOffThread(
    startThread: (document: string) => CountThread,
    tally: Tally,
    counted: CountedDocument,
    stale: () => boolean,
    slicer: Slicer,
  ): Promise<number | false | undefined> {
    const document = counted.document;
    const version = document.version;
    const lines = (counted.lines = new Array<string>(document.lineCount));
    let thread: CountThread | undefined;
    // The host's own time: its slices, up to the question (waiting for the answer is not work).
    let sending = 0;
    try {
      thread = tally.thread = startThread(document.uri.toString());
      const counter = thread;
      const begin = (): void => counter.post({ type: 'start', options: this.countOptions, lexicon: this.lexiconWords } satisfies CountRequest);
      begin();
      let answer: CountAnswer | undefined;
      // A saved file: the thread reads it itself, and the host only reads each line's text (no
      // encoding, nothing sent), if what the thread reads is the document's text (its lines compared).
      if (document.uri.scheme === 'file' && !document.isDirty) {
        counter.post({ type: 'file', path: document.uri.fsPath } satisfies CountRequest);
        const lengths = new Int32Array(lines.length);
        for (let l = 0; l < lines.length; l++) {
          lines[l] = document.lineAt(l).text;
          lengths[l] = lines[l].length;
          if ((l & 63) === 63 && slicer.due) {
            await slicer.next();
            if (stale()) return false;
          }
        }
        counter.post({ type: 'end', lengths } satisfies CountRequest, [lengths.buffer]);
        sending = slicer.total;
        answer = (await counter.answer()) as CountAnswer;
        if (answer.type === 'not-the-document') {
          // Another encoding, or the file changed on disk: the lines are sent instead, to the same thread.
          answer = undefined;
          begin();
        } else {
          this.countsFromFile++;
        }
      }
      if (answer === undefined) {
        for (let first = 0; first < lines.length; ) {
          const { bytes, starts, ends } = encodeBlock(lines, first, document).encoded;
          first += starts.length;
          // Each block's arrays are its own (EncodedLines copies them out): they move to the thread, and are empty here after.
          counter.post({ type: 'block', bytes, starts, ends } satisfies CountRequest, [bytes.buffer as ArrayBuffer, starts.buffer as ArrayBuffer, ends.buffer as ArrayBuffer]);
          if (slicer.due) {
            await slicer.next();
            if (stale()) return false;
          }
        }
        counter.post({ type: 'end' } satisfies CountRequest);
        sending = slicer.total;
        answer = (await counter.answer()) as CountAnswer;
      }
      const answered = performance.now();
      if (stale() || document.version !== version) return false;
      if (answer.type !== 'done') throw new Error(answer.type === 'error' ? answer.message : answer.why);
      tally.variations = Variations.revive(answer.variations);
      tally.files = [];
      tally.ready = true;
      const findings = new Array<SegmentationFinding[] | undefined>(lines.length);
      answer.lines.forEach((line, k) => (findings[line] = answer.findings[k] as SegmentationFinding[]));
      this.judged(counted, findings, version);
      return sending + performance.now() - answered;
    } catch (error) {
      if (stale()) return false;
      console.error(`Segmented Corpus: the consistency count thread failed, counting on the extension host instead: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      thread?.terminate();
      if (tally.thread === thread) tally.thread = undefined;
    }
  }

  /**
   * Judges every line of a document in slices, then publishes; the milliseconds it worked, or false
   * when made stale on the way. `blocks`: the lines as the count just encoded them, else they are
   * encoded a block at a time here. `spelled`: the same lines kept by the count as spellings, from
   * index `from` on: only the lines they show disagreeing are judged (the others have no findings).
   */
  private async judgeAll(
    counted: CountedDocument,
    generation: number,
    blocks?: readonly EncodedBlock[],
    spelled?: { readonly spelled: SpelledLines; readonly from: number },
  ): Promise<number | false> {
    const tally = counted.tally;
    const v = tally.variations;
    const version = counted.document.version;
    const lines = counted.lines;
    const findings = new Array<SegmentationFinding[] | undefined>(lines.length);
    const slicer = new Slicer();
    if (v.hasDisagreements()) {
      for (let b = 0, first = 0; first < lines.length; b++) {
        const { bytes, starts, ends } = (blocks?.[b] ?? encodeBlock(lines, first)).encoded;
        if (spelled) {
          const at = spelled.from + first;
          for (const l of v.disagreeingLines(spelled.spelled, at, at + starts.length)) {
            const k = l - at;
            findings[first + k] = v.findingsOf(bytes, starts[k], ends[k]);
          }
          if (slicer.due) {
            await slicer.next();
            if (generation !== tally.generation || this.disposed || !this.isCurrent(counted)) return false;
          }
        } else {
          for (let k = 0; k < starts.length; k++) {
            const found = v.findingsOf(bytes, starts[k], ends[k]);
            if (found.length > 0) findings[first + k] = found;
            if (slicer.due) {
              await slicer.next();
              if (generation !== tally.generation || this.disposed || !this.isCurrent(counted)) return false;
            }
          }
        }
        first += starts.length;
      }
    }
    this.judged(counted, findings, version);
    return slicer.total;
  }

  /** A whole judgement of a document (each line's findings, as of `version`), kept and published. */
  private judged(counted: CountedDocument, findings: Array<SegmentationFinding[] | undefined>, version: number): void {
    counted.findings = findings;
    counted.edited.clear();
    counted.judgedVersion = version;
    const perSequence = new Map<string, number>();
    for (const found of findings) if (found) for (const f of found) perSequence.set(f.sequence, (perSequence.get(f.sequence) ?? 0) + 1);
    counted.perSequence = perSequence;
    this.publish(counted);
  }

  /** Sets the document's consistency problems, unless they are the ones already shown. */
  /**
   * Whether `counted` is what the document is counted as now: a restart (scope or lexicon change)
   * replaces every CountedDocument, and work of the old count still in flight (a closed document
   * read back from disk, a scheduled recount) must not publish over the new one's problems.
   */
  private isCurrent(counted: CountedDocument): boolean {
    return this.documents.get(counted.document.uri.toString()) === counted;
  }

  private publish(counted: CountedDocument, force = false): void {
    if (!this.isCurrent(counted)) return;
    const settings = this.config.settingsFor(counted.document);
    const setting = settings.severities[CONSISTENCY_CODE];
    const diagnostics: vscode.Diagnostic[] = [];
    if (setting !== 'off' && settings.diagnosticsEnabled) {
      const ignored = this.ignored();
      const max = settings.maxProblems;
      for (let l = 0; l < counted.findings.length && diagnostics.length < max; l++) {
        const found = counted.findings[l];
        if (!found) continue;
        for (const f of found) {
          if (ignored.has(f.sequence) || diagnostics.length >= max) continue;
          const d = new vscode.Diagnostic(new vscode.Range(l, f.start, l, f.end), localized(f.l10n), SEVERITY[setting]);
          d.source = DIAGNOSTIC_SOURCE;
          d.code = CONSISTENCY_CODE;
          diagnostics.push(d);
        }
      }
    }
    const key = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}:${d.range.end.character}:${d.severity}:${d.message}`).join('\n');
    if (!force && key === counted.published) return;
    counted.published = key;
    this.collection.set(counted.document.uri, diagnostics);
  }

  // ---- the lexicon ----------------------------------------------------------------------------

  /** The lexicon file the setting names, if any. */
  lexiconUri(): vscode.Uri | undefined {
    const setting = this.settings.lexicon;
    if (!setting) return undefined;
    if (setting.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(setting)) return vscode.Uri.file(setting);
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, setting) : undefined;
  }

  private async loadLexicon(): Promise<void> {
    this.lexiconWatcher?.dispose();
    this.lexiconWatcher = undefined;
    const uri = this.lexiconUri();
    if (!uri) {
      this.lexiconWords = [];
      return;
    }
    this.lexiconWords = await vscode.workspace.fs.readFile(uri).then(
      (bytes) => parseLexicon(new TextDecoder().decode(bytes)),
      () => [],
    );
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    const reload = () => void this.restart();
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    this.lexiconWatcher = watcher;
  }

  /** Appends a word to the lexicon file (written whole to a temporary file, then renamed over it), and counts again. */
  async addToLexicon(word: string): Promise<void> {
    const uri = this.lexiconUri();
    if (!uri) throw new Error('no lexicon file is set (segmentedCorpus.consistency.lexicon)');
    const old = await vscode.workspace.fs.readFile(uri).then(
      (bytes) => new TextDecoder().decode(bytes),
      () => '',
    );
    if (parseLexicon(old).some((w) => w.toLowerCase() === word.toLowerCase())) return;
    const text = old + (old === '' || old.endsWith('\n') ? '' : '\n') + word + '\n';
    const temporary = uri.with({ path: `${uri.path}.${Date.now()}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    await this.restart();
  }

  // ---- the ignore list ------------------------------------------------------------------------

  ignored(): Set<string> {
    return new Set(this.state.get<string[]>(IGNORED_KEY, []));
  }

  /** Keeps a sequence as it is written: no problem, no quick fix and no row for it, in this workspace. */
  async ignore(sequence: string): Promise<void> {
    const ignored = this.ignored();
    ignored.add(sequence);
    await this.state.update(IGNORED_KEY, [...ignored].sort());
    this.republish();
  }

  async forgetIgnored(): Promise<number> {
    const count = this.ignored().size;
    await this.state.update(IGNORED_KEY, undefined);
    this.republish();
    return count;
  }

  private republish(): void {
    for (const counted of this.documents.values()) this.publish(counted);
    this.changed.fire();
  }

  // ---- what the quick fixes, the view and the search read --------------------------------------

  private countedOf(document: vscode.TextDocument): CountedDocument | undefined {
    return this.documents.get(document.uri.toString());
  }

  /** The finding behind a problem at `range`, if the document's findings are current. */
  findingAt(document: vscode.TextDocument, range: vscode.Range): SegmentationFinding | undefined {
    const counted = this.countedOf(document);
    const found = counted?.findings[range.start.line];
    if (!counted || !found || counted.lines[range.start.line] !== document.lineAt(range.start.line).text) return undefined;
    return found.find((f) => f.start === range.start.character && f.end === range.end.character);
  }

  /** The edits that make the one occurrence starting at `start` on `line` follow its majority. */
  editsHere(document: vscode.TextDocument, line: number, start: number): vscode.TextEdit[] {
    const counted = this.countedOf(document);
    if (!counted?.tally.ready) return [];
    return counted.tally.variations
      .applyEditsOfText(document.lineAt(line).text, { start })
      .map((e) => vscode.TextEdit.replace(new vscode.Range(line, e.start, line, e.end), e.text));
  }

  /** How many occurrences of `sequence` disagree in the document, as last judged. */
  disagreeingIn(document: vscode.TextDocument, sequence: string): number {
    return this.countedOf(document)?.perSequence.get(sequence) ?? 0;
  }

  /**
   * The edits making every disagreeing occurrence in the document follow its majority: of one
   * sequence, or of every sequence not ignored. Reads only the lines with findings when those are
   * current, else every line.
   */
  editsEverywhere(document: vscode.TextDocument, sequence?: string): vscode.TextEdit[] {
    const counted = this.countedOf(document);
    // A file the view just opened may not have been taken in yet: the workspace counts it anyway.
    const tally = counted?.tally ?? (this.workspaceTally && this.inWorkspace(document) ? this.workspaceTally : undefined);
    if (!tally?.ready) return [];
    const v = tally.variations;
    const ignored = this.ignored();
    const current = counted !== undefined && counted.judgedVersion === document.version && counted.edited.size === 0;
    const edits: vscode.TextEdit[] = [];
    for (let l = 0; l < document.lineCount; l++) {
      if (current && !counted.findings[l]?.some((f) => (sequence === undefined ? !ignored.has(f.sequence) : f.sequence === sequence))) continue;
      const text = document.lineAt(l).text;
      const only = sequence === undefined ? { except: ignored } : { sequence };
      for (const e of v.applyEditsOfText(text, only)) edits.push(vscode.TextEdit.replace(new vscode.Range(l, e.start, l, e.end), e.text));
    }
    return edits;
  }

  /** The tally that `document` is counted in (else the workspace's), for the view. */
  private tallyFor(document: vscode.TextDocument | undefined): Tally | undefined {
    return (document && this.countedOf(document)?.tally) ?? this.workspaceTally;
  }

  /** Whether the counts that the view shows for `document` are complete. */
  isReady(document: vscode.TextDocument | undefined): boolean {
    return this.tallyFor(document)?.ready ?? false;
  }

  /** The variations counted with `document` (or the workspace's), most frequent first, ignored ones left out. */
  variations(document: vscode.TextDocument | undefined): Variation[] {
    // The view shown before any corpus was opened: count the workspace now; the rows follow through onDidChange.
    this.start();
    const tally = this.tallyFor(document);
    if (!tally?.ready) return [];
    const ignored = this.ignored();
    return tally.variations.table().filter((row) => !ignored.has(row.sequence));
  }

  /**
   * Every occurrence of a word or syllable sequence, in any segmentation, in what `document` is
   * counted with (its open documents from their live text, its other files from disk); at most `limit`.
   */
  async occurrences(document: vscode.TextDocument | undefined, sequence: string, limit = 1000, token?: vscode.CancellationToken): Promise<Occurrence[]> {
    const tally = this.tallyFor(document);
    if (!tally) return [];
    // A throwaway table: searching must not add the searched syllables to the tally's.
    const finder = new Variations();
    const found: Occurrence[] = [];
    const slicer = new Slicer();
    const search = async (uri: vscode.Uri, lines: readonly string[]): Promise<boolean> => {
      for (let l = 0; l < lines.length; l++) {
        for (const o of finder.occurrencesOfText(lines[l], sequence)) {
          found.push({ uri, line: l, start: o.start, end: o.end, text: o.text });
          if (found.length >= limit) return false;
        }
        if (slicer.due) {
          await slicer.next();
          if (token?.isCancellationRequested) return false;
        }
      }
      return true;
    };
    for (const counted of tally.documents) if (!(await search(counted.document.uri, linesOf(counted.document.getText())))) return found;
    for (const uri of tally.files) {
      if (this.documents.has(uri.toString())) continue;
      const bytes = await vscode.workspace.fs.readFile(uri).then(
        (b) => b,
        () => new Uint8Array(0),
      );
      if (!(await search(uri, linesOf(new TextDecoder().decode(bytes))))) return found;
    }
    return found;
  }

  /** The documents and files `document` is counted with (the view's "apply to all" opens the files). */
  members(document: vscode.TextDocument | undefined): vscode.Uri[] {
    const tally = this.tallyFor(document);
    if (!tally) return [];
    return [...[...tally.documents].map((c) => c.document.uri), ...tally.files.filter((f) => !this.documents.has(f.toString()))];
  }

  /** Resolves once every tally is counted and judged (for tests and benchmarks). */
  async settled(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const quiet = () =>
      (!this.started || !this.restarting) &&
      [...this.documents.values()].every((c) => c.tally.ready && c.edited.size === 0 && c.judgedVersion === c.document.version && c.tally.timer === undefined) &&
      (!this.workspaceTally || this.workspaceTally.ready);
    while (!quiet()) {
      if (Date.now() > deadline) throw new Error('consistency counts did not settle');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const counted of this.documents.values()) {
      clearTimeout(counted.tally.timer);
      counted.tally.thread?.terminate();
    }
    if (this.workspaceTally) clearTimeout(this.workspaceTally.timer);
    this.lexiconWatcher?.dispose();
    this.workspaceWatcher?.dispose();
    this.subscriptions.forEach((s) => s.dispose());
    this.collection.dispose();
    this.changed.dispose();
  }
}
