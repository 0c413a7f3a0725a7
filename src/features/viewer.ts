// The Segmented Corpus Viewer: a read-only custom editor showing a corpus file of any size a screen at a time, read from the file, not from an editor document.
// Loaded when first used (viewerRegistration.ts registers the editor and its command at activation).
import * as vscode from 'vscode';
import { ByteSource, LineIndex, buildLineIndex, pacedPause, readLines } from '../core/lineIndex';
import { LooseQuery, searchFile } from '../core/looseFind';
import { normalizeLine } from '../core/normalize';
import { Token } from '../core/tokens';
import { CorpusConfiguration } from './configuration';
import { VIEW_TYPE } from './viewerRegistration';
import { webviewPageHtml } from './webviewPage';

/** A file's bytes as the host reads them, and how to let go of them. */
export interface ViewerBytes extends ByteSource {
  close(): Promise<void> | void;
}

/** How the host opens a file's bytes: by position from disk in Node, through workspace.fs on the web. */
export type OpenBytes = (uri: vscode.Uri) => Promise<ViewerBytes>;

/**
 * The web host has no file handle: workspace.fs reads a file whole. Above this size the viewer says
 * so instead of filling the web worker's memory (the desktop host has no cap).
 */
export const WEB_VIEWER_MAX_BYTES = 256 * 1024 * 1024;

export class FileTooLargeError extends Error {}

/** Reads the file whole through workspace.fs (the web host, and schemes Node cannot open), up to WEB_VIEWER_MAX_BYTES. */
export async function readThroughWorkspace(uri: vscode.Uri): Promise<ViewerBytes> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > WEB_VIEWER_MAX_BYTES) {
    throw new FileTooLargeError(
      vscode.l10n.t(
        '{0} has {1} MB: the viewer in the browser reads files of up to {2} MB. Open it in VS Code on the desktop, or use the command line (segcorpus).',
        uri.path.split('/').pop() ?? uri.path,
        (size / 1e6).toFixed(0),
        (WEB_VIEWER_MAX_BYTES / 1024 / 1024).toFixed(0),
      ),
    );
  }
  let bytes: Uint8Array | undefined = await vscode.workspace.fs.readFile(uri);
  return {
    size: bytes.length,
    read: async (position, length) => (bytes ?? new Uint8Array()).subarray(position, Math.min((bytes ?? []).length, position + length)),
    close: () => {
      bytes = undefined;
    },
  };
}

/** One line in every this many has its offset kept: 1 GB of 3 KB lines is 5,000 numbers. */
const INDEX_EVERY = 64;
/** Lines sent per request at most (a screen is a few dozen). */
const MAX_LINES_PER_REQUEST = 500;

/** The open file: its bytes and line index, built once in the background and shared by its panels. */
export class ViewerDocument implements vscode.CustomDocument {
  readonly index = new LineIndex(INDEX_EVERY);
  readonly indexed: Promise<void>;
  private readonly progress = new vscode.EventEmitter<void>();
  readonly onDidProgress = this.progress.event;
  private closed = false;

  constructor(
    readonly uri: vscode.Uri,
    readonly bytes: ViewerBytes,
  ) {
    let last = 0;
    // The extension host is shared: the index gives its event loop a turn every few milliseconds.
    const pause = pacedPause();
    this.indexed = buildLineIndex(
      bytes,
      this.index,
      async () => {
        // Progress at most five times a second: each is a message to every panel.
        if (Date.now() - last > 200) {
          last = Date.now();
          this.progress.fire();
        }
        await pause();
      },
      () => this.closed,
    ).then(() => this.progress.fire());
  }

  get lineCount(): number {
    return this.index.estimatedLineCount(this.bytes.size);
  }

  dispose(): void {
    this.closed = true;
    this.progress.dispose();
    // Close once the index stops reading.
    void this.indexed.finally(() => this.bytes.close());
  }
}

/** Token classes the webview colours (media/viewer.css), in the grammar's categories. */
function tokenSpans(text: string, tokens: readonly Token[]): number[] {
  const spans: number[] = [];
  const push = (start: number, end: number, cls: number) => spans.push(start, end, cls);
  for (const t of tokens) {
    switch (t.kind) {
      case 'compound': {
        // Syllables as compound, each `_` as a joiner.
        let from = t.start;
        for (let i = t.start; i < t.end; i++) {
          if (text.charCodeAt(i) !== 0x5f) continue;
          if (i > from) push(from, i, CLASS.compound);
          push(i, i + 1, CLASS.joiner);
          from = i + 1;
        }
        if (from < t.end) push(from, t.end, CLASS.compound);
        break;
      }
      case 'placeholder':
      case 'glued':
        push(t.start, t.kind === 'glued' ? t.start + 1 : t.end, ROLE_CLASS[t.role ?? 'unknown']);
        if (t.kind === 'glued') push(t.start + 1, t.end, CLASS.punctuation);
        break;
      case 'punctuation':
        push(t.start, t.end, CLASS.punctuation);
        break;
      case 'number':
        push(t.start, t.end, CLASS.number);
        break;
      default:
        break;
    }
  }
  return spans;
}

/** The class numbers of the spans; media/viewer.js names them in the same order. */
const CLASS = { compound: 0, joiner: 1, pair: 2, separator: 3, numberPlaceholder: 4, datePlaceholder: 5, unknownPlaceholder: 6, punctuation: 7, number: 8 } as const;
const ROLE_CLASS: Record<string, number> = { pair: CLASS.pair, separator: CLASS.separator, number: CLASS.numberPlaceholder, date: CLASS.datePlaceholder, unknown: CLASS.unknownPlaceholder };

/** The strings the webview shows, in the user's language; `{0}` is filled in by the webview. */
function webviewStrings(): Record<string, string> {
  return {
    find: vscode.l10n.t('Find (segmentation-insensitive)'),
    previous: vscode.l10n.t('Previous match (Shift+Enter)'),
    next: vscode.l10n.t('Next match (Enter)'),
    close: vscode.l10n.t('Close (Escape)'),
    cancel: vscode.l10n.t('Cancel search'),
    searching: vscode.l10n.t('Searching… {0}%', '{0}'),
    noMatch: vscode.l10n.t('No match'),
    matchAt: vscode.l10n.t('Line {0}', '{0}'),
    indexing: vscode.l10n.t('Indexing… {0}% · {1} lines so far', '{0}', '{1}'),
    lines: vscode.l10n.t('{0} lines', '{0}'),
    cleaned: vscode.l10n.t('Line {0}, cleaned', '{0}'),
    cut: vscode.l10n.t('(line cut: longer than 64 KB)'),
    loading: vscode.l10n.t('Reading…'),
    viewerLabel: vscode.l10n.t('Corpus lines (read only). Arrows, Page Up, Page Down, Ctrl+Home, Ctrl+End move; Ctrl+G goes to a line; Ctrl+F finds.'),
  };
}

/** What the webview asks. */
export type ViewerRequest =
  | { type: 'ready' }
  | { type: 'lines'; from: number; count: number; seq: number; query?: string }
  | { type: 'cursor'; line: number }
  | { type: 'askLine' }
  | { type: 'find'; query: string; fromLine: number; backward: boolean; seq: number }
  | { type: 'cancelFind' };

/** One webview showing a ViewerDocument. */
class ViewerPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private search: { seq: number; cancelled: boolean } | undefined;
  private ready = false;

  constructor(
    readonly document: ViewerDocument,
    readonly panel: vscode.WebviewPanel,
    private readonly config: CorpusConfiguration,
    private pendingLine: number | undefined,
    private readonly onDispose: (panel: ViewerPanel) => void,
    private readonly posted: vscode.EventEmitter<PostedMessage>,
  ) {
    panel.webview.onDidReceiveMessage((m: ViewerRequest) => void this.answer(m), null, this.subscriptions);
    document.onDidProgress(() => this.post({ type: 'index', ...this.indexState() }), null, this.subscriptions);
    panel.onDidDispose(() => this.dispose(), null, this.subscriptions);
  }

  /** Shows line `line` (0-based), now if the webview is up, otherwise once it is. */
  reveal(line: number): void {
    if (this.ready) this.post({ type: 'reveal', line });
    else this.pendingLine = line;
  }

  private indexState() {
    const index = this.document.index;
    return { lineCount: this.document.lineCount, done: index.done, fraction: this.document.bytes.size > 0 ? index.scanned / this.document.bytes.size : 1 };
  }

  private post(message: PostedMessage['message']): void {
    this.posted.fire({ uri: this.document.uri, message });
    void this.panel.webview.postMessage(message).then(undefined, () => undefined);
  }

  async answer(m: ViewerRequest): Promise<void> {
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        this.post({ type: 'init', strings: webviewStrings(), fileName: this.document.uri.path.split('/').pop(), ...this.indexState(), revealLine: this.pendingLine });
        this.pendingLine = undefined;
        return;
      }
      case 'lines': {
        const count = Math.max(0, Math.min(MAX_LINES_PER_REQUEST, Math.floor(m.count)));
        const from = Math.max(0, Math.floor(m.from));
        const lines = await readLines(this.document.bytes, this.document.index, from, count);
        const settings = this.config.settingsFor(this.document.uri);
        const query = m.query ? LooseQuery.parse(m.query) : undefined;
        this.post({
          type: 'lines',
          seq: m.seq,
          from,
          lines: lines.map((l) => ({ text: l.text, cut: l.cut, spans: tokenSpans(l.text, settings.tokenizer.tokenize(l.text)), matches: query ? query.findAll(l.text).flatMap((x) => [x.start, x.end]) : [] })),
          // Fewer lines than asked before the end is known: the index has not got there yet.
          ...this.indexState(),
        });
        return;
      }
      case 'cursor': {
        const [line] = await readLines(this.document.bytes, this.document.index, Math.max(0, Math.floor(m.line)), 1);
        if (!line) return;
        // The plan in use for this file; sentence-break words inferred from a whole document are not (they would need the whole file read).
        const cleaned = normalizeLine(line.text, this.config.settingsFor(this.document.uri).plan);
        this.post({ type: 'cleaned', line: m.line, text: cleaned });
        return;
      }
      case 'askLine': {
        const line = await askForLine(this.document);
        if (line !== undefined) this.reveal(line);
        return;
      }
      case 'find':
        return this.find(m);
      case 'cancelFind':
        if (this.search) this.search.cancelled = true;
        return;
    }
  }

  private async find(m: { query: string; fromLine: number; backward: boolean; seq: number }): Promise<void> {
    if (this.search) this.search.cancelled = true;
    const query = LooseQuery.parse(m.query);
    if (!query) return this.post({ type: 'found', seq: m.seq });
    const search = { seq: m.seq, cancelled: false };
    this.search = search;
    let last = 0;
    const found = await searchFile(this.document.bytes, this.document.index, query, {
      fromLine: m.fromLine,
      backward: m.backward,
      pause: pacedPause(),
      cancelled: () => search.cancelled,
      progress: (fraction) => {
        if (Date.now() - last < 100) return;
        last = Date.now();
        this.post({ type: 'findProgress', seq: m.seq, fraction });
      },
    });
    if (this.search === search) this.search = undefined;
    if (search.cancelled) return this.post({ type: 'found', seq: m.seq, cancelled: true });
    this.post({ type: 'found', seq: m.seq, match: found });
  }

  dispose(): void {
    if (this.search) this.search.cancelled = true;
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.onDispose(this);
  }
}

/** Asks for a line number (1-based, as people count); resolves to the 0-based line, or undefined. */
async function askForLine(document: ViewerDocument): Promise<number | undefined> {
  const count = document.lineCount;
  const approximate = document.index.done ? '' : '~';
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Go to Line'),
    prompt: vscode.l10n.t('Line number, 1 to {0}{1}', approximate, count.toLocaleString('en-US')),
    validateInput: (text) => (/^\s*\d+\s*$/.test(text) && Number(text) >= 1 ? undefined : vscode.l10n.t('A line number from 1 to {0}', String(count))),
  });
  if (answer === undefined) return undefined;
  return Math.min(Number(answer), Math.max(1, document.lineCount)) - 1;
}

/** The custom editor: one document per file, any number of panels on it. */
export class ViewerProvider implements vscode.CustomReadonlyEditorProvider<ViewerDocument>, vscode.Disposable {
  private readonly panels = new Set<ViewerPanel>();
  /** Lines to open at, by file, set by the command before VS Code opens the editor. */
  private readonly pendingLines = new Map<string, number>();
  readonly posted = new vscode.EventEmitter<PostedMessage>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly config: CorpusConfiguration,
    private readonly openBytes: OpenBytes,
  ) {}

  async openCustomDocument(uri: vscode.Uri): Promise<ViewerDocument> {
    try {
      return new ViewerDocument(uri, await this.openBytes(uri));
    } catch (error) {
      if (error instanceof FileTooLargeError) void vscode.window.showWarningMessage(error.message);
      throw error;
    }
  }

  resolveCustomEditor(document: ViewerDocument, panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    const pending = this.pendingLines.get(document.uri.toString());
    this.pendingLines.delete(document.uri.toString());
    const viewer = new ViewerPanel(document, panel, this.config, pending, (p) => this.panels.delete(p), this.posted);
    this.panels.add(viewer);
    panel.webview.html = webviewPageHtml(panel.webview, {
      language: vscode.env.language,
      stylesheet: vscode.Uri.joinPath(media, 'viewer.css'),
      script: vscode.Uri.joinPath(media, 'viewer.js'),
      body: '<div id="viewer"></div>',
    });
  }

  /** Opens the viewer on a file, at a line (0-based) if given; an open viewer of the file is revealed. */
  async open(uri: vscode.Uri, line: number | undefined): Promise<void> {
    const open = [...this.panels].find((p) => p.document.uri.toString() === uri.toString());
    if (open) {
      open.panel.reveal();
      if (line !== undefined) open.reveal(line);
      return;
    }
    if (line !== undefined) this.pendingLines.set(uri.toString(), line);
    await vscode.commands.executeCommand('vscode.openWith', uri, VIEW_TYPE);
  }

  /** The viewers now open: their file, index, and the handler of their page's requests (for the integration tests and the benchmark). */
  openViewers(): OpenViewer[] {
    return [...this.panels].map((p) => ({ uri: p.document.uri, index: p.document.index, indexed: p.document.indexed, answer: (r: ViewerRequest) => p.answer(r) }));
  }

  dispose(): void {
    this.posted.dispose();
  }
}


/**
 * The line argument of the command: a number is a 1-based line (as the Problems panel, the status
 * bar and `segcorpus check` print it); a Position or Range (as a diagnostic carries) is 0-based.
 * Anything else (the explorer passes the selected files second) is no line.
 */
export function lineArgument(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value) - 1);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Math.max(0, Number(value) - 1);
  if (value instanceof vscode.Position) return value.line;
  if (value instanceof vscode.Range) return value.start.line;
  return undefined;
}

/** The file the command acts on: a Uri or its string, else the active tab's file. */
function fileArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.length > 0) return /^[a-z][\w+.-]*:/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText || input instanceof vscode.TabInputCustom) return input.uri;
  return vscode.window.activeTextEditor?.document.uri;
}

/** A message the extension sent to a viewer's page. */
export interface PostedMessage {
  readonly uri: vscode.Uri;
  readonly message: { readonly type: string; readonly [key: string]: unknown };
}

/** An open viewer as the integration tests and the benchmark see it. */
export interface OpenViewer {
  readonly uri: vscode.Uri;
  readonly index: LineIndex;
  readonly indexed: Promise<void>;
  readonly answer: (request: ViewerRequest) => Promise<void>;
}

/**
 * `segmentedCorpus.openViewer(uri?, line?)`: `uri` a Uri or string (default: the active tab's
 * file), `line` 1-based when a number, 0-based when a Position or Range.
 */
export async function openViewer(provider: ViewerProvider, file?: unknown, line?: unknown): Promise<void> {
  const uri = fileArgument(file);
  if (!uri) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: choose a file to open in the viewer.'));
    return;
  }
  await provider.open(uri, lineArgument(line));
}
