// Problems beyond maxProblems: the most severe are shown, Check Whole File lists them all; a corpus file VS Code keeps from extensions gets an explanation.
import * as assert from 'assert/strict';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension.shared';
import { EXTENSION_ID, closeAllEditors, deleteCorpusFiles, eventually, openCorpusFile, problemsBecome, resetSettings, run, setSetting, warningsDuring } from './helpers';

interface WholeFileCheck {
  readonly total: number;
  readonly shown: number;
  readonly commandLine: string | undefined;
  readonly report: string;
}

describe('problems beyond maxProblems', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  // Hints, warnings and information first in the file, the errors (unmatched pairs) last.
  const text = ['theo a .', 'TP 7 Theo b .', 'c 5 d .', 'x7 e .', 'f 7 .', 'g 6 h .', 'i 6 k .'].join('\n');
  const all = [
    'likely-sentence-break@1:3-4 hint', 'unknown-placeholder@2:2-3 warning', 'glued-placeholder@3:0-2 warning',
    'separator-before-final@4:2-3 information', 'unmatched-pair@5:2-3 error', 'unmatched-pair@6:2-3 error',
  ];

  it('keep the most severe: every error before any warning, then the first warnings', async () => {
    const editor = await openCorpusFile(text);
    await problemsBecome(editor.document.uri, all);
    await setSetting('diagnostics.maxProblems', 3);
    await problemsBecome(editor.document.uri, ['unknown-placeholder@2:2-3 warning', 'unmatched-pair@5:2-3 error', 'unmatched-pair@6:2-3 error']);
    await setSetting('diagnostics.maxProblems', 1);
    await problemsBecome(editor.document.uri, ['unmatched-pair@5:2-3 error']);
  });

  it('Check Whole File lists every problem in the CLI format, with the command line that does the same', async () => {
    const editor = await openCorpusFile(text);
    await problemsBecome(editor.document.uri, all);
    await setSetting('diagnostics.maxProblems', 2);
    await problemsBecome(editor.document.uri, ['unmatched-pair@5:2-3 error', 'unmatched-pair@6:2-3 error']);
    const result = (await run('checkWholeFile')) as WholeFileCheck;
    assert.equal(result.total, 6);
    assert.equal(result.shown, 2);
    const file = editor.document.uri.fsPath;
    assert.equal(result.commandLine, `segcorpus check --hints ${file}`);
    const lines = result.report.split('\n');
    assert.equal(lines.length, 6);
    assert.equal(lines[0], `${file}:2:4: hint: likely sentence break: 'Theo' is written 'theo' elsewhere in this document [likely-sentence-break]`);
    assert.ok(lines[5].startsWith(`${file}:7:3: error: unmatched pair placeholder '6'`), lines[5]);
  });

  it('Check Whole File works with the diagnostics off too', async () => {
    await setSetting('diagnostics.enabled', false);
    await openCorpusFile(text);
    const result = (await run('checkWholeFile')) as WholeFileCheck;
    assert.equal(result.total, 6);
  });
});

describe('a corpus file VS Code gives extensions no document of', () => {
  let file: vscode.Uri | undefined;

  afterEach(async () => {
    await closeAllEditors();
    if (file) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    file = undefined;
  });

  /** Writes `bytes` (a NUL among them: the workbench shows the file as binary) to a temp .seg file, which afterEach deletes, and opens it as the active tab. */
  async function openKeptFile(stem: string, bytes: readonly number[]): Promise<vscode.Uri> {
    const uri = vscode.Uri.file(path.join(os.tmpdir(), `${stem}-${process.pid}.seg`));
    file = uri;
    await vscode.workspace.fs.writeFile(uri, new Uint8Array(bytes));
    await vscode.commands.executeCommand('vscode.open', uri);
    await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputText && input.uri.toString() === uri.toString();
    }, 'the file is the active tab');
    return uri;
  }

  it('a command says why it cannot work and copies the command line that does', async () => {
    // A file the workbench shows as binary is, like one over 50 million characters, an editor tab
    // with no document in the extension host.
    const kept = await openKeptFile('segcorpus-kept', [0x61, 0x00, 0x62, 0x00, 0x20, 0x37, 0x0a]);
    const uri = kept.toString();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri), 'no document for it in the extension host');
    assert.equal(vscode.window.activeTextEditor, undefined);

    await vscode.env.clipboard.writeText('');
    const shown = await warningsDuring(() => run('normalizeDocument'), { answer: 'Copy Command Line', waitForOne: true });
    assert.equal(shown.length, 1);
    assert.match(shown[0].message, /VS Code did not hand segcorpus-kept-\d+\.seg to extensions/);
    assert.deepEqual(shown[0].items, ['Normalize to File…', 'Open in Viewer', 'Copy Command Line']);
    const expected = `segcorpus normalize ${kept.fsPath} -o ${kept.fsPath.replace(/\.seg$/, '.clean.txt')}`;
    assert.ok(shown[0].message.includes(expected), shown[0].message);
    await eventually(async () => (await vscode.env.clipboard.readText()) === expected, 'the command line is on the clipboard');
  });

  it('offers the viewer, which opens on the file and reads it', async () => {
    const uri = (await openKeptFile('segcorpus-kept-viewer', [0x61, 0x00, 0x62, 0x00, 0x20, 0x37, 0x0a, 0x6e, 0x0a])).toString();
    const shown = await warningsDuring(() => run('normalizeDocument'), { answer: 'Open in Viewer', waitForOne: true });
    assert.deepEqual(shown[0].items, ['Normalize to File…', 'Open in Viewer', 'Copy Command Line']);
    const tab = await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputCustom && input.viewType === 'segmentedCorpus.viewer' && input.uri.toString() === uri ? input : undefined;
    }, 'the viewer is the active tab', 10_000);
    assert.ok(tab);
    const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
    const viewer = await eventually(() => api?.viewer.openViewers().find((v) => v.uri.toString() === uri), 'the viewer reads the file', 10_000);
    await viewer.indexed;
    assert.equal(viewer.index.lineCount, 2);
  });
});
