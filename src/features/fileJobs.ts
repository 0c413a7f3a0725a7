// File jobs from the explorer, an editor tab or the palette: Normalize to File…, Restore Punctuation to File… and Check Corpus Files, on files of any size, with progress and Cancel.
// Loaded with the first job (fileJobsRegistration.ts registers the commands at activation).
import * as vscode from 'vscode';
import { severitySummary } from '../core/commandLine';
import { Severity } from '../core/check';
import { CorpusConfiguration } from './configuration';
import { FileJobEngine, RewriteOp, displayPath } from './fileJobEngine';
import { FileProblems, isOpenCorpus } from './fileProblems';

/** The corpus extensions (the manifest's, lower case): what a folder's files are picked by. */
const CORPUS_EXTENSIONS = ['.seg', '.wseg', '.tok'];

/** What a rewrite command did (returned to callers: scripts and the tests). */
export interface RewriteOutcome {
  readonly written: readonly vscode.Uri[];
  readonly cancelled: boolean;
  readonly error?: string;
}

/** What Check Corpus Files did. */
export interface CheckOutcomeSummary {
  readonly checked: readonly vscode.Uri[];
  /** Files skipped because they are open: their problems are the live diagnostics'. */
  readonly open: readonly vscode.Uri[];
  readonly problems: number;
  readonly capped: readonly string[];
  readonly cancelled: boolean;
  readonly error?: string;
}

/** A file to work on, with the folder it was found under (its output keeps the path below it). */
interface Source {
  readonly uri: vscode.Uri;
  readonly size: number;
  readonly under?: vscode.Uri;
}

const megabytes = (bytes: number): string => (bytes >= 1e9 ? vscode.l10n.t('{0} GB', (bytes / 1e9).toFixed(2)) : vscode.l10n.t('{0} MB', (bytes / 1e6).toFixed(1)));
const baseName = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? uri.path;
const isCorpusName = (name: string): boolean => CORPUS_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
const sameFile = (a: vscode.Uri, b: vscode.Uri): boolean => a.toString() === b.toString();

/** The output's name beside the source: `x.clean.txt` (normalized text), `x.restored.seg` (still a corpus). */
export function outputName(op: RewriteOp, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return op === 'normalize' ? `${stem}.clean.txt` : `${stem}.restored${dot > 0 ? name.slice(dot) : '.seg'}`;
}

/** The corpus files of a folder and its subfolders (hidden ones left out), in name order. */
async function corpusFilesIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const entries = (await vscode.workspace.fs.readDirectory(folder)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, type] of entries) {
    if (name.startsWith('.')) continue;
    const uri = vscode.Uri.joinPath(folder, name);
    if (type & vscode.FileType.Directory) found.push(...(await corpusFilesIn(uri)));
    else if (type & vscode.FileType.File && isCorpusName(name)) found.push(uri);
  }
  return found;
}

/** The file of the active editor or tab (a tab VS Code gave extensions no document of counts too). */
function activeFile(): vscode.Uri | undefined {
  const editorUri = vscode.window.activeTextEditor?.document.uri;
  if (editorUri) return editorUri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

/**
 * The files a command was invoked on: the explorer's selection (`uris`, several with multi-select),
 * the clicked file or tab (`uri`), else the active editor's file; folders stand for their corpus files.
 */
async function sourcesOf(uri: unknown, uris: unknown): Promise<{ sources: Source[]; folder: boolean } | undefined> {
  const picked = Array.isArray(uris) && uris.length > 0 ? (uris as vscode.Uri[]) : uri instanceof vscode.Uri ? [uri] : [activeFile()].filter((u): u is vscode.Uri => u !== undefined);
  if (picked.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: choose a corpus file or folder in the Explorer, or open one.'));
    return undefined;
  }
  if (picked.some((u) => u.scheme === 'untitled')) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: file jobs read files; save the document first.'));
    return undefined;
  }
  const sources: Source[] = [];
  let folder = false;
  for (const u of picked) {
    const stat = await vscode.workspace.fs.stat(u);
    if (stat.type & vscode.FileType.Directory) {
      folder = true;
      for (const file of await corpusFilesIn(u)) sources.push({ uri: file, size: (await vscode.workspace.fs.stat(file)).size, under: u });
    } else {
      sources.push({ uri: u, size: stat.size });
    }
  }
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: no corpus files ({0}) there.', CORPUS_EXTENSIONS.join(', ')));
    return undefined;
  }
  return { sources, folder };
}

/** Where each source's output goes: one file chosen in a save dialog, or a folder for several. */
async function targetsFor(op: RewriteOp, sources: readonly Source[], folder: boolean): Promise<vscode.Uri[] | undefined> {
  const label = op === 'normalize' ? vscode.l10n.t('Normalize') : vscode.l10n.t('Restore');
  if (sources.length === 1 && !folder) {
    const source = sources[0].uri;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(source, '..', outputName(op, baseName(source))),
      saveLabel: label,
      title: op === 'normalize' ? vscode.l10n.t('Normalize {0} to File', baseName(source)) : vscode.l10n.t('Restore Punctuation of {0} to File', baseName(source)),
    });
    if (!target) return undefined;
    if (sameFile(target, source)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Segmented Corpus: the output cannot be the source file {0}; choose another name.', baseName(source)));
      return undefined;
    }
    return [target];
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(sources[0].under ?? sources[0].uri, '..'),
    openLabel: vscode.l10n.t('Write {0} Files Here', sources.length),
    title: vscode.l10n.t('Folder for the {0} output files', sources.length),
  });
  const into = chosen?.[0];
  if (!into) return undefined;
  const targets = sources.map((s) => {
    // Below a chosen folder, the output keeps the path under it (a/b.seg → out/a/b.clean.txt).
    const relative = s.under ? s.uri.path.slice(s.under.path.replace(/\/$/, '').length + 1).split('/').slice(0, -1) : [];
    return vscode.Uri.joinPath(into, ...relative, outputName(op, baseName(s.uri)));
  });
  const clash = targets.find((t) => sources.some((s) => sameFile(s.uri, t)));
  if (clash) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Segmented Corpus: the output cannot be the source file {0}; choose another folder.', baseName(clash)));
    return undefined;
  }
  const existing: vscode.Uri[] = [];
  for (const t of targets) if (await vscode.workspace.fs.stat(t).then(() => true, () => false)) existing.push(t);
  if (existing.length > 0) {
    const replace = vscode.l10n.t('Replace');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} of the output files already exist in {1} ({2}…). Replace them?', existing.length, displayPath(into), baseName(existing[0])), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }
  return targets;
}

/** Runs `work` under a cancellable notification that shows the share of bytes done. */
function withByteProgress<T>(title: string, totalBytes: number, work: (report: (doneBytes: number) => void, token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    let shown = 0;
    const report = (done: number): void => {
      const percent = totalBytes > 0 ? Math.min(100, Math.floor((100 * done) / totalBytes)) : 100;
      if (percent <= shown) return;
      progress.report({ increment: percent - shown, message: vscode.l10n.t('{0}% of {1}', percent, megabytes(totalBytes)) });
      shown = percent;
    };
    return work(report, token);
  });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** The jobs behind the commands: `uri` the clicked file, folder or tab, `uris` the explorer's selection. */
export class FileJobs implements vscode.Disposable {
  private readonly problems = new FileProblems();

  constructor(
    private readonly config: CorpusConfiguration,
    private readonly engine: FileJobEngine,
  ) {}

  /** The entries Check Corpus Files published for a file (the tests read them). */
  problemsOf(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.problems.entries(uri);
  }

  async rewrite(op: RewriteOp, uri: unknown, uris: unknown): Promise<RewriteOutcome | undefined> {
    const picked = await sourcesOf(uri, uris);
    if (!picked) return undefined;
    const { sources, folder } = picked;
    const targets = await targetsFor(op, sources, folder);
    if (!targets) return undefined;
    const total = sources.reduce((sum, s) => sum + s.size, 0);
    const what = sources.length === 1 ? baseName(sources[0].uri) : vscode.l10n.t('{0} files', sources.length);
    const title = op === 'normalize' ? vscode.l10n.t('Normalizing {0}', what) : vscode.l10n.t('Restoring punctuation in {0}', what);
    const written: vscode.Uri[] = [];
    const outcome = await withByteProgress(title, total, async (report, token): Promise<RewriteOutcome> => {
      let before = 0;
      try {
        for (const [k, source] of sources.entries()) {
          const target = targets[k];
          await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
          await this.engine.rewrite(op, source.uri, target, this.config.settingsFor(source.uri), (done) => report(before + done), token);
          written.push(target);
          before += source.size;
        }
        return { written, cancelled: false };
      } catch (error) {
        if (!token.isCancellationRequested) return { written, cancelled: false, error: messageOf(error) };
        // Cancel means nothing written: the outputs of the files already done go too.
        for (const done of written.splice(0)) await vscode.workspace.fs.delete(done).then(undefined, () => undefined);
        return { written, cancelled: true };
      }
    });
    this.tell(op, outcome, targets);
    return outcome;
  }

  private tell(op: RewriteOp, outcome: RewriteOutcome, targets: readonly vscode.Uri[]): void {
    if (outcome.cancelled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: cancelled; nothing was written.'));
      return;
    }
    if (outcome.error) {
      // One whole sentence per case: a translation may not put the count where English does.
      const message =
        outcome.written.length > 0
          ? vscode.l10n.t('Segmented Corpus: {0} ({1} files were written before it.)', outcome.error, outcome.written.length)
          : vscode.l10n.t('Segmented Corpus: {0}', outcome.error);
      void vscode.window.showErrorMessage(message);
      return;
    }
    const open = vscode.l10n.t('Open');
    const first = outcome.written[0];
    const message =
      outcome.written.length === 1
        ? op === 'normalize'
          ? vscode.l10n.t('Segmented Corpus: normalized into {0}.', displayPath(first))
          : vscode.l10n.t('Segmented Corpus: punctuation restored into {0}.', displayPath(first))
        : op === 'normalize'
          ? vscode.l10n.t('Segmented Corpus: normalized {0} files into {1}.', outcome.written.length, displayPath(vscode.Uri.joinPath(targets[0], '..')))
          : vscode.l10n.t('Segmented Corpus: punctuation restored in {0} files, written into {1}.', outcome.written.length, displayPath(vscode.Uri.joinPath(targets[0], '..')));
    void vscode.window.showInformationMessage(message, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('vscode.open', first);
    });
  }

  async check(uri: unknown, uris: unknown): Promise<CheckOutcomeSummary | undefined> {
    const picked = await sourcesOf(uri, uris);
    if (!picked) return undefined;
    const open = picked.sources.filter((s) => isOpenCorpus(s.uri)).map((s) => s.uri);
    const sources = picked.sources.filter((s) => !isOpenCorpus(s.uri));
    if (sources.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: the files are open; their problems are in the Problems panel already.'));
      return { checked: [], open, problems: 0, capped: [], cancelled: false };
    }
    const total = sources.reduce((sum, s) => sum + s.size, 0);
    const what = sources.length === 1 ? baseName(sources[0].uri) : vscode.l10n.t('{0} files', sources.length);
    const checked: vscode.Uri[] = [];
    const capped: string[] = [];
    const bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    const outcome = await withByteProgress(vscode.l10n.t('Checking {0}', what), total, async (report, token): Promise<CheckOutcomeSummary> => {
      let before = 0;
      const summary = (cancelled: boolean, error?: string): CheckOutcomeSummary => ({ checked, open, problems: Object.values(bySeverity).reduce((a, b) => a + b, 0), capped, cancelled, error });
      try {
        for (const source of sources) {
          const result = await this.engine.check(source.uri, this.config.settingsFor(source.uri), (done) => report(before + done), token);
          before += source.size;
          // Opened meanwhile: its live diagnostics have it now.
          if (isOpenCorpus(source.uri)) continue;
          const note = this.problems.publish(source.uri, result.selection, source.size);
          if (note) capped.push(note);
          for (const s of Object.keys(bySeverity) as Severity[]) bySeverity[s] += result.selection.bySeverity[s];
          checked.push(source.uri);
        }
        return summary(false);
      } catch (error) {
        return summary(token.isCancellationRequested, token.isCancellationRequested ? undefined : messageOf(error));
      }
    });
    if (outcome.error) void vscode.window.showErrorMessage(vscode.l10n.t('Segmented Corpus: {0}', outcome.error));
    else if (outcome.cancelled) void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: check cancelled; the files checked before it keep their problems.'));
    else this.tellChecked(outcome, bySeverity);
    return outcome;
  }

  private tellChecked(outcome: CheckOutcomeSummary, bySeverity: Record<Severity, number>): void {
    const parts = [
      outcome.checked.length === 1
        ? vscode.l10n.t('Segmented Corpus: checked {0}: {1}.', baseName(outcome.checked[0]), severitySummary(bySeverity))
        : vscode.l10n.t('Segmented Corpus: checked {0} files: {1}.', outcome.checked.length, severitySummary(bySeverity)),
    ];
    if (outcome.open.length > 0) parts.push(vscode.l10n.t('{0} open files were left to their live problems.', outcome.open.length));
    parts.push(...outcome.capped);
    const show = vscode.l10n.t('Show Problems');
    void vscode.window.showInformationMessage(parts.join(' '), show).then((choice) => {
      if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }

  dispose(): void {
    this.problems.dispose();
  }
}
