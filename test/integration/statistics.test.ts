// Corpus Statistics in the real editor: the page's numbers are those of `segcorpus stats --json --problems --vocabulary` on the same files, and so is the JSON it exports.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension.shared';
import type { StatisticsModel } from '../../src/features/statistics';
import { EXTENSION_ID, closeAllEditors, eventually, fixtureUri, openSample, openScratch, workspaceFolder } from './helpers';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function api(): ExtensionApi {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive);
  return extension.exports;
}

/** What the CLI prints for `files` (or for `input` on stdin): the text, exactly. */
function cliStats(files: readonly string[], input?: string): string {
  const r = spawnSync(process.execPath, [CLI, 'stats', '--json', '--problems', '--vocabulary', ...files], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

function shown(): StatisticsModel {
  const model = api().statistics.current;
  assert.ok(model, 'the statistics page is open');
  return model;
}

/** The page is a webview tab titled after what it counts. */
function statisticsTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Statistics: sample.seg');
}

describe('corpus statistics page', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAllEditors();
  });

  it('counts the active document as segcorpus stats counts its file', async () => {
    await openSample();
    await vscode.commands.executeCommand('segmentedCorpus.showStatistics');
    const model = shown();
    assert.equal(model.kind, 'document');
    await eventually(() => statisticsTab(), 'a statistics tab titled after the document is open');
    assert.deepEqual(model.statistics, JSON.parse(cliStats([fixtureUri('sample.seg').fsPath])));
    assert.ok(model.statistics.problems && Object.keys(model.statistics.problems).length > 0);
  });

  it('counts the unsaved text of a document, as the CLI counts that text', async () => {
    const text = 'Chủ_tịch nói 7 6 Đặt_hàng 6 .\nhai câu . ba 9\n\ncao__cấp x7';
    const editor = await openScratch(text, 'statistics');
    await vscode.commands.executeCommand('segmentedCorpus.showStatistics');
    assert.equal(shown().files[0].toString(), editor.document.uri.toString());
    assert.deepEqual(shown().statistics, JSON.parse(cliStats([], text)));
  });

  it('counts a folder chosen in the explorer: its corpus files, in path order', async () => {
    const folder = fixtureUri('consistency');
    await vscode.commands.executeCommand('segmentedCorpus.showStatistics', folder, [folder]);
    const model = shown();
    assert.equal(model.kind, 'files');
    const names = model.files.map((f) => path.basename(f.fsPath));
    assert.deepEqual(names, ['railway-a.seg', 'railway-b.seg']);
    assert.deepEqual(model.statistics, JSON.parse(cliStats(model.files.map((f) => f.fsPath))));
  });

  it('counts several files chosen together as one corpus', async () => {
    const chosen = [fixtureUri('sample.seg'), fixtureUri('categories.seg')];
    await vscode.commands.executeCommand('segmentedCorpus.showStatistics', chosen[0], chosen);
    assert.deepEqual(shown().files.map((f) => f.fsPath), chosen.map((f) => f.fsPath));
    assert.deepEqual(shown().statistics, JSON.parse(cliStats(chosen.map((f) => f.fsPath))));
  });

  it('counts the whole workspace from the palette, and exports the same JSON as the CLI prints', async () => {
    await vscode.commands.executeCommand('segmentedCorpus.showWorkspaceStatistics');
    const model = shown();
    assert.equal(model.kind, 'workspace');
    const onDisk = fs
      .readdirSync(workspaceFolder().uri.fsPath, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(seg|wseg|tok)$/.test(f))
      .map((f) => path.join(workspaceFolder().uri.fsPath, f))
      .sort();
    assert.deepEqual(model.files.map((f) => f.fsPath).sort(), onDisk);
    const printed = cliStats(model.files.map((f) => f.fsPath));
    assert.deepEqual(model.statistics, JSON.parse(printed));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-statistics-'));
    try {
      const json = vscode.Uri.file(path.join(dir, 'stats.json'));
      await api().statistics.exportTo('json', json);
      assert.equal(fs.readFileSync(json.fsPath, 'utf8'), printed, 'the exported JSON is byte for byte what the CLI prints');
      const csv = vscode.Uri.file(path.join(dir, 'stats.csv'));
      await api().statistics.exportTo('csv', csv);
      const rows = fs.readFileSync(csv.fsPath, 'utf8').split('\r\n');
      assert.equal(rows[0], 'section,key,value');
      assert.ok(rows.includes(`figure,tokens,${model.statistics.tokens}`));
      assert.ok(rows.includes(`topWord,${model.statistics.topWords[0].word},${model.statistics.topWords[0].count}`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a file from disk as the CLI does: byte order mark dropped, CRLF and a missing last line break', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-statistics-'));
    try {
      const file = vscode.Uri.file(path.join(dir, 'bom.seg'));
      fs.writeFileSync(file.fsPath, '\ufeffmột hai 7 ba .\r\nbốn năm');
      await vscode.commands.executeCommand('segmentedCorpus.showStatistics', file, [file]);
      assert.deepEqual(shown().statistics, JSON.parse(cliStats([file.fsPath])));
      assert.equal(shown().statistics.lines, 2);
      assert.equal(shown().statistics.topWords.some((w) => w.word.startsWith('\ufeff')), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
