// Corpus Statistics: counts a document, the files and folders chosen in the explorer, or the workspace, in the background, and shows the page.
// Loaded when first shown (statisticsRegistration.ts registers the commands at activation).
import * as vscode from 'vscode';
import { CorpusStatistics, StatisticsTally } from '../core/corpusStatistics';
import { LineChunker } from '../core/lineChunker';
import { statisticsCsv } from '../core/statisticsCsv';
import { findInvalidUtf8 } from '../core/utf8';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { StatisticsPanel } from './statisticsPanel';

/** Where a host reads corpus files from: the Node host streams from disk, the web host goes through workspace.fs. */
export interface CorpusFileReader {
  /** The file's bytes, in chunks of any size. */
  chunks(uri: vscode.Uri): AsyncIterable<Uint8Array>;
}

/** The web host holds a whole file in memory to read it: above this it says so and counts nothing. */
export const WEB_FILE_CAP = 64 * 1024 * 1024;
/** Inputs above this many bytes are counted under a progress notification (smaller ones are done in a blink). */
const NOTIFY_BYTES = 8 * 1024 * 1024;
/** How much of a document or an in-memory file is counted between two turns of the event loop. */
const SLICE = 1024 * 1024;
/** The corpus files a folder or the workspace holds: the language's own extensions. */
const CORPUS_FILES = '**/*.{seg,wseg,tok}';

/** What the page shows, and what the tests compare with `segcorpus stats --json --problems --vocabulary`. */
export interface StatisticsModel {
  /** What was counted, for the title. */
  readonly label: string;
  readonly kind: 'document' | 'files' | 'workspace';
  /** The files counted, in the order counted (one for a document, its URI). */
  readonly files: readonly vscode.Uri[];
  readonly statistics: CorpusStatistics;
}

/** workspace.fs, whole files, with WEB_FILE_CAP. */
export const workspaceFileReader: CorpusFileReader = {
  async *chunks(uri) {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > WEB_FILE_CAP) {
      throw new Error(vscode.l10n.t('{0} is {1} MB: here the statistics read files up to {2} MB (the desktop editor and segcorpus stats read any size).', uri.path.split('/').pop() ?? uri.path, Math.round(size / 1e6), WEB_FILE_CAP / 1024 / 1024));
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    for (let at = 0; at < bytes.length; at += SLICE) {
      yield bytes.subarray(at, at + SLICE);
      await turn();
    }
  },
};

function turn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

class Cancelled extends Error {}

/** The counting, cancellable between chunks. */
class Count {
  private done = 0;

  constructor(
    private readonly tally: StatisticsTally,
    private readonly total: number,
    private readonly progress: vscode.Progress<{ message?: string; increment?: number }>,
    private readonly token: vscode.CancellationToken,
  ) {}

  /** A file, as `segcorpus stats` reads it: byte order mark dropped, whole lines, valid UTF-8 only. */
  async file(uri: vscode.Uri, reader: CorpusFileReader): Promise<void> {
    const chunker = new LineChunker();
    let first = true;
    for await (let chunk of reader.chunks(uri)) {
      this.stopIfCancelled();
      if (first && chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
      this.lines(uri, chunker.push(chunk));
      this.advance(chunk.length);
    }
    this.lines(uri, chunker.end());
  }

  /** A document's text (unsaved edits included), in slices cut after a line break. */
  async document(document: vscode.TextDocument): Promise<void> {
    const text = document.getText();
    const encoder = new TextEncoder();
    for (let at = 0; at < text.length; ) {
      let cut = text.indexOf('\n', Math.min(text.length, at + SLICE));
      cut = cut < 0 ? text.length : cut + 1;
      const bytes = encoder.encode(text.slice(at, cut));
      this.tally.addLines(bytes);
      this.advance(bytes.length);
      at = cut;
      this.stopIfCancelled();
      await turn();
    }
  }

  private lines(uri: vscode.Uri, run: Uint8Array): void {
    if (run.length === 0) return;
    if (findInvalidUtf8(run) >= 0) throw new Error(vscode.l10n.t('{0} is not UTF-8 text: no statistics for it.', uri.path.split('/').pop() ?? uri.path));
    this.tally.addLines(run);
  }

  private advance(bytes: number): void {
    this.done += bytes;
    if (this.total > 0) this.progress.report({ increment: (bytes / this.total) * 100, message: `${Math.min(100, Math.round((this.done / this.total) * 100))} %` });
  }

  private stopIfCancelled(): void {
    if (this.token.isCancellationRequested) throw new Cancelled();
  }
}

/** The statistics pages: what the commands do, the counting and the panel; `current` is what the page shows now. */
export class CorpusStatisticsPages implements vscode.Disposable {
  private readonly panel: StatisticsPanel;

  constructor(
    private readonly config: CorpusConfiguration,
    extensionUri: vscode.Uri,
    private readonly reader: CorpusFileReader,
  ) {
    this.panel = new StatisticsPanel(extensionUri, (format) => this.exportWithDialog(format));
  }

  get current(): StatisticsModel | undefined {
    return this.panel.model;
  }

  /** From the explorer (the clicked resource and the selection), an editor tab (its file) or the palette (the active corpus document; without one, the workspace). */
  async show(clicked?: unknown, selected?: unknown): Promise<StatisticsModel | undefined> {
    const uris = Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) && selected.length > 0 ? (selected as vscode.Uri[]) : clicked instanceof vscode.Uri ? [clicked] : [];
    if (uris.length > 0) return this.showResources(uris);
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === LANGUAGE_ID) return this.showDocument(editor.document);
    return this.showWorkspace();
  }

  async showDocument(document: vscode.TextDocument): Promise<StatisticsModel | undefined> {
    const label = document.uri.path.split('/').pop() || document.uri.toString();
    const bytes = document.getText().length;
    return this.count(label, 'document', [document.uri], bytes, (c) => c.document(document));
  }

  async showWorkspace(): Promise<StatisticsModel | undefined> {
    const files = sortFiles(await vscode.workspace.findFiles(CORPUS_FILES));
    const name = vscode.workspace.name ?? vscode.l10n.t('workspace');
    return this.countFiles(vscode.l10n.t('{0} (workspace)', name), 'workspace', files);
  }

  async showResources(uris: readonly vscode.Uri[]): Promise<StatisticsModel | undefined> {
    const files: vscode.Uri[] = [];
    for (const uri of uris) {
      const stat = await vscode.workspace.fs.stat(uri);
      // A folder counts its corpus files; a file chosen by name counts whatever its extension.
      if (stat.type & vscode.FileType.Directory) files.push(...sortFiles(await vscode.workspace.findFiles(new vscode.RelativePattern(uri, CORPUS_FILES))));
      else files.push(uri);
    }
    const names = uris.map((u) => u.path.split('/').pop() || u.path);
    const label = names.length <= 3 ? names.join(', ') : vscode.l10n.t('{0} and {1} more', names.slice(0, 2).join(', '), names.length - 2);
    return this.countFiles(label, 'files', dedupe(files));
  }

  /** Writes what the page shows: JSON exactly as `segcorpus stats --json --problems --vocabulary` prints it, or CSV. */
  async exportTo(format: 'json' | 'csv', target: vscode.Uri): Promise<void> {
    const model = this.current;
    if (!model) throw new Error(vscode.l10n.t('No statistics to export: show them first.'));
    const text = format === 'json' ? JSON.stringify(model.statistics, null, 2) + '\n' : statisticsCsv(model.statistics);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  }

  private async exportWithDialog(format: 'json' | 'csv'): Promise<void> {
    const model = this.current;
    if (!model) return;
    const near = model.files[0] && model.files[0].scheme !== 'untitled' ? vscode.Uri.joinPath(model.files[0], '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `${model.label.replace(/[^\p{L}\p{N}._-]+/gu, '-')}.statistics.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: near ? vscode.Uri.joinPath(near, name) : undefined,
      filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
      title: format === 'json' ? vscode.l10n.t('Export Statistics as JSON') : vscode.l10n.t('Export Statistics as CSV'),
    });
    if (!target) return;
    try {
      await this.exportTo(format, target);
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the statistics: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  private async countFiles(label: string, kind: StatisticsModel['kind'], files: readonly vscode.Uri[]): Promise<StatisticsModel | undefined> {
    if (files.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No corpus files (.seg, .wseg, .tok) to count in {0}.', label));
      return undefined;
    }
    let bytes = 0;
    for (const file of files) bytes += await vscode.workspace.fs.stat(file).then((s) => s.size, () => 0);
    return this.count(label, kind, files, bytes, async (c) => {
      for (const file of files) await c.file(file, this.reader);
    });
  }

  private async count(label: string, kind: StatisticsModel['kind'], files: readonly vscode.Uri[], bytes: number, run: (count: Count) => Promise<void>): Promise<StatisticsModel | undefined> {
    const settings = this.config.settingsFor(files[0]);
    const top = vscode.workspace.getConfiguration('segmentedCorpus', files[0]).get<number>('statistics.top', 20);
    const tally = new StatisticsTally(settings.scheme, { top, problems: true });
    const location = bytes > NOTIFY_BYTES ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    try {
      await vscode.window.withProgress({ location, title: vscode.l10n.t('Counting corpus statistics: {0}', label), cancellable: true }, (progress, token) =>
        run(new Count(tally, bytes, progress, token)),
      );
    } catch (error) {
      if (error instanceof Cancelled) return undefined;
      void vscode.window.showErrorMessage(vscode.l10n.t('Corpus statistics: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    const model: StatisticsModel = { label, kind, files, statistics: tally.result() };
    this.panel.show(model);
    return model;
  }

  dispose(): void {
    this.panel.dispose();
  }
}

function sortFiles(files: readonly vscode.Uri[]): vscode.Uri[] {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function dedupe(files: readonly vscode.Uri[]): vscode.Uri[] {
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(f.toString()) && seen.add(f.toString()));
}
