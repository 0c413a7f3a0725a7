// A corpus on a file system that is not the disk (as in a virtual workspace): every feature works from the document alone.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, corpusDiagnostics, eventually, extensionActive, fixture, hoverMarkdown, markdownText, run, sentences } from './helpers';

const SCHEME = 'segcorpus-memfs';

/** The smallest file system VS Code accepts: flat, in memory, files only under "/". */
class MemoryFileSystem implements vscode.FileSystemProvider {
  private readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: file.mtime, size: file.data.byteLength };
  }

  readDirectory(): [string, vscode.FileType][] {
    return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const file = this.files.get(uri.path);
    if (!file) throw vscode.FileSystemError.FileNotFound(uri);
    return file.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array): void {
    const created = !this.files.has(uri.path);
    this.files.set(uri.path, { data: content, mtime: Date.now() });
    this.emitter.fire([{ type: created ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.files.delete(uri.path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(oldUri);
  }
}

describe('a corpus on a virtual file system', () => {
  let registration: vscode.Disposable;
  let uri: vscode.Uri;
  let sample: string;

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, new MemoryFileSystem(), { isCaseSensitive: true });
    sample = await fixture('sample.seg');
    uri = vscode.Uri.from({ scheme: SCHEME, path: '/sample.seg' });
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(sample));
  });

  after(async () => {
    await closeAllEditors();
    registration.dispose();
  });

  it('opens as a corpus, with hover, problems, restore and the clean preview', async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'segmented-corpus');
    const editor = await vscode.window.showTextDocument(document);
    await extensionActive();

    const normalized = await fixture('sample.normalized.txt');
    const hovers = await eventually(async () => {
      const found = await hoverMarkdown(uri, new vscode.Position(0, sample.indexOf('Chủ_tịch') + 1));
      return found.length > 0 ? found : undefined;
    }, 'the hover answers');
    assert.ok(markdownText(hovers[0]).startsWith(sentences(normalized)[0]), hovers[0]);

    await eventually(() => corpusDiagnostics(uri).length > 0, 'the problems of the file are listed', 15_000);

    await run('openPreviewToSide');
    const preview = await eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'segmented-corpus-preview'), 'the preview is visible');
    assert.equal(preview.document.getText(), normalized);

    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await run('restorePunctuationDocument');
    assert.equal(editor.document.getText(), await fixture('sample.restored.seg'));
  });
});
