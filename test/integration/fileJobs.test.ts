// File jobs in the real editor: Normalize to File…, Restore Punctuation to File… and Check Corpus Files on small fixtures and on a generated 80 MB corpus, which VS Code gives extensions no document of.
import * as assert from 'assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension.shared';
import type { CheckOutcomeSummary as CheckSummary, RewriteOutcome } from '../../src/features/fileJobs';
import { EXTENSION_ID, closeAllEditors, eventually, fixtureUri, resetSettings, setSetting } from './helpers';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');

interface Shown {
  readonly kind: 'information' | 'warning' | 'error';
  readonly message: string;
  readonly items: readonly string[];
}

async function api(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension);
  return extension.activate();
}

/** What the segcorpus CLI writes for `args` (the baseline every file job must equal byte for byte). */
function cliOutput(args: readonly string[]): Buffer {
  const result = spawnSync(process.execPath, [cli, ...args], { maxBuffer: 1 << 30 });
  assert.equal(result.status, 0, `segcorpus ${args.join(' ')}: ${result.stderr?.toString()}`);
  return result.stdout;
}

type Patch = Partial<Pick<typeof vscode.window, 'showSaveDialog' | 'showOpenDialog' | 'withProgress'>>;

/**
 * Runs `action` with the dialogs answering as given (and withProgress replaced, when given), every
 * message shown recorded instead of waiting for a click. The extension's `vscode` is this one.
 */
async function answering<T>(patch: Patch, action: (shown: readonly Shown[]) => Thenable<T>, warningAnswer?: string): Promise<{ result: T; shown: Shown[] }> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const shown: Shown[] = [];
  const record =
    (kind: Shown['kind']) =>
    async (message: string, ...rest: unknown[]): Promise<undefined> => {
      shown.push({ kind, message, items: rest.filter((r): r is string => typeof r === 'string') });
      return (kind === 'warning' ? warningAnswer : undefined) as undefined;
    };
  const replaced: Record<string, unknown> = { ...patch, showInformationMessage: record('information'), showWarningMessage: record('warning'), showErrorMessage: record('error') };
  const originals = Object.fromEntries(Object.keys(replaced).map((k) => [k, window[k]]));
  Object.assign(window, replaced);
  try {
    const result = await action(shown);
    return { result, shown };
  } finally {
    Object.assign(window, originals);
  }
}

/** A withProgress whose token is cancelled once the job has reported some progress (as a click on Cancel would). */
function cancelAfterFirstReport(): Patch['withProgress'] {
  return ((_options: vscode.ProgressOptions, task: (p: vscode.Progress<{ message?: string; increment?: number }>, t: vscode.CancellationToken) => Thenable<unknown>) => {
    const source = new vscode.CancellationTokenSource();
    return task({ report: (value) => (value.increment ?? 0) > 0 && source.cancel() }, source.token);
  }) as Patch['withProgress'];
}

let tempDir = '';

function tempFile(name: string, content: string | Uint8Array): vscode.Uri {
  const file = path.join(tempDir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

describe('file jobs', () => {
  before(async () => {
    await api();
  });
  beforeEach(() => {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-file-jobs-'));
  });
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    fs.rmSync(tempDir, { recursive: true, force: true });
  });

  it('Normalize to File… from the explorer writes what segcorpus normalize writes, and offers to open it', async () => {
    const source = fixtureUri('sample.seg');
    const target = vscode.Uri.file(path.join(tempDir, 'sample.clean.txt'));
    let offered: vscode.Uri | undefined;
    const { result, shown } = await answering<RewriteOutcome>(
      {
        showSaveDialog: async (options?: vscode.SaveDialogOptions) => {
          offered = options?.defaultUri;
          return target;
        },
      },
      () => vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', source, [source]),
    );
    assert.equal(offered?.fsPath, path.join(path.dirname(source.fsPath), 'sample.clean.txt'), 'the default name is beside the source');
    assert.deepEqual(result.written.map((u) => u.fsPath), [target.fsPath]);
    assert.deepEqual(fs.readFileSync(target.fsPath), cliOutput(['normalize', source.fsPath]));
    assert.deepEqual(shown, [{ kind: 'information', message: `Segmented Corpus: normalized into ${target.fsPath}.`, items: ['Open'] }]);
  });

  it('Restore Punctuation to File… from an editor tab writes what segcorpus restore writes, with the folder settings', async () => {
    await setSetting('scheme', { '7': { role: 'separator', mark: ';' } });
    const source = tempFile('in.seg', '6 b 6 7 c .\n');
    const target = vscode.Uri.file(path.join(tempDir, 'out', 'in.restored.seg'));
    fs.mkdirSync(path.dirname(target.fsPath));
    const { result } = await answering<RewriteOutcome>({ showSaveDialog: async () => target }, () =>
      vscode.commands.executeCommand('segmentedCorpus.restoreToFile', source, { groupId: 0 }),
    );
    assert.equal(result.written.length, 1);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '“ b ” ; c .\n');
  });

  it('refuses the source itself as the output, and writes nothing', async () => {
    const source = tempFile('keep.seg', 'a 7 b .\n');
    const { result, shown } = await answering<RewriteOutcome | undefined>({ showSaveDialog: async () => source }, () =>
      vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', source),
    );
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(source.fsPath, 'utf8'), 'a 7 b .\n');
    assert.equal(shown.length, 1);
    assert.equal(shown[0].kind, 'error');
    assert.match(shown[0].message, /cannot be the source file keep\.seg/);
  });

  it('a folder (or several files) goes into a chosen folder, one output each, the paths below it kept', async () => {
    const folder = path.join(tempDir, 'corpus');
    tempFile('corpus/a.seg', 'a 7 b .\n');
    tempFile('corpus/part/b.wseg', 'Chủ_tịch 7 c .\n');
    tempFile('corpus/notes.md', 'not a corpus file\n');
    const out = vscode.Uri.file(path.join(tempDir, 'out'));
    fs.mkdirSync(out.fsPath);
    const folderUri = vscode.Uri.file(folder);
    const { result, shown } = await answering<RewriteOutcome>({ showOpenDialog: async () => [out] }, () =>
      vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', folderUri, [folderUri]),
    );
    assert.deepEqual(result.written.map((u) => path.relative(out.fsPath, u.fsPath)).sort(), ['a.clean.txt', path.join('part', 'b.clean.txt')]);
    assert.equal(fs.readFileSync(path.join(out.fsPath, 'part', 'b.clean.txt'), 'utf8'), 'Chủ tịch, c.\n');
    assert.equal(shown[0].message, `Segmented Corpus: normalized 2 files into ${out.fsPath}.`);
  });

  it('says what is wrong with a file in the CLI words: invalid UTF-8, UTF-16', async () => {
    const bad = tempFile('bad.seg', new Uint8Array([0x61, 0x20, 0xff, 0x0a]));
    const utf16 = tempFile('wide.seg', new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x0a, 0x00]));
    for (const [source, expected] of [
      [bad, `${bad.fsPath}: invalid UTF-8 at byte offset 2; convert the file to UTF-8 first`],
      [utf16, `${utf16.fsPath}: UTF-16 (LE) text; convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8)`],
    ] as const) {
      const target = vscode.Uri.file(path.join(tempDir, 'out.txt'));
      const { result, shown } = await answering<RewriteOutcome>({ showSaveDialog: async () => target }, () => vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', source));
      assert.equal(result.error, expected);
      assert.deepEqual(shown, [{ kind: 'error', message: `Segmented Corpus: ${expected}`, items: [] }]);
      assert.ok(!fs.existsSync(target.fsPath));
      assert.deepEqual(fs.readdirSync(tempDir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left');
      // The CLI says the same.
      const cliRun = spawnSync(process.execPath, [cli, 'normalize', source.fsPath], { encoding: 'utf8' });
      assert.equal(cliRun.stderr.trim(), `segcorpus: ${expected}`);
    }
  });

  it('Check Corpus Files puts the problems of a closed file in the Problems panel; opening it hands them to the live diagnostics', async () => {
    const source = tempFile('closed.seg', 'a 5 b .\nx7 c .\n');
    const { result } = await answering<CheckSummary>({}, () => vscode.commands.executeCommand('segmentedCorpus.checkCorpusFiles', source, [source]));
    assert.equal(result.problems, 2);
    const jobs = (await api()).fileJobs;
    assert.deepEqual(jobs.problemsOf(source).map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`), ['unknown-placeholder@0:2', 'glued-placeholder@1:0']);
    assert.deepEqual(vscode.languages.getDiagnostics(source).map((d) => String(d.code)).sort(), ['glued-placeholder', 'unknown-placeholder']);
    // A re-check replaces the entries.
    fs.writeFileSync(source.fsPath, 'a 5 b .\n');
    await answering({}, () => vscode.commands.executeCommand('segmentedCorpus.checkCorpusFiles', source));
    assert.deepEqual(jobs.problemsOf(source).map((d) => String(d.code)), ['unknown-placeholder']);
    // Opened, the file is the live diagnostics': the file-job entries go, and the two never show twice.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(source));
    await eventually(() => jobs.problemsOf(source).length === 0, 'the file-job entries are cleared');
    await eventually(() => vscode.languages.getDiagnostics(source).length === 1 || undefined, 'the live diagnostics show the one problem');
  });

  it('a document command on a file VS Code keeps from extensions offers the file job, which runs on the file', async () => {
    // Shown as binary, like a file over 50 million characters: a tab with no document for extensions.
    const kept = tempFile('kept.seg', new Uint8Array([0x61, 0x00, 0x62, 0x00, 0x20, 0x37, 0x0a]));
    await vscode.commands.executeCommand('vscode.open', kept);
    await eventually(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputText && input.uri.toString() === kept.toString();
    }, 'the file is the active tab');
    const target = vscode.Uri.file(path.join(tempDir, 'kept.clean.txt'));
    const { shown } = await answering(
      { showSaveDialog: async () => target },
      async (soFar) => {
        await vscode.commands.executeCommand('segmentedCorpus.normalizeDocument');
        await eventually(() => soFar.some((s) => s.kind === 'error') || undefined, 'the job has run and said why it cannot', 10_000);
      },
      'Normalize to File…',
    );
    assert.deepEqual(shown[0].items, ['Normalize to File…', 'Open in Viewer', 'Copy Command Line']);
    assert.equal(shown[1].message, `Segmented Corpus: ${kept.fsPath}: UTF-16 (LE) text; convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8)`);
    assert.ok(!fs.existsSync(target.fsPath));
  });

  describe('on an 80 MB corpus VS Code gives extensions no document of', function () {
    this.timeout(240_000);
    let big = '';

    before(function () {
      this.timeout(120_000);
      big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-big-')), 'big.seg');
      // The benchmark's generator, from the sample: corpus-like lines, CRLF and empty lines included.
      const script = `import(${JSON.stringify(path.join(repoRoot, 'bench', 'corpus.mjs'))}).then((m) => m.writeCorpus(${JSON.stringify(big)}, 80e6, ${JSON.stringify(path.join(repoRoot, 'test', 'fixtures', 'sample.seg'))}))`;
      const made = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      assert.ok(fs.statSync(big).size >= 80e6);
    });
    after(() => fs.rmSync(path.dirname(big), { recursive: true, force: true }));

    it('Normalize to File… streams it to the same bytes as segcorpus normalize', async () => {
      const target = vscode.Uri.file(path.join(tempDir, 'big.clean.txt'));
      const { result } = await answering<RewriteOutcome>({ showSaveDialog: async () => target }, () => vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', vscode.Uri.file(big)));
      assert.equal(result.error, undefined);
      const expected = cliOutput(['normalize', big]);
      const written = fs.readFileSync(target.fsPath);
      assert.equal(written.length, expected.length);
      assert.ok(written.equals(expected), 'the same bytes as the CLI');
    });

    it('Cancel leaves nothing: no output, no temporary file', async () => {
      const target = vscode.Uri.file(path.join(tempDir, 'big.clean.txt'));
      const { result, shown } = await answering<RewriteOutcome>({ showSaveDialog: async () => target, withProgress: cancelAfterFirstReport() }, () =>
        vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', vscode.Uri.file(big)),
      );
      assert.equal(result.cancelled, true);
      assert.deepEqual(fs.readdirSync(tempDir), [], 'nothing written in the output folder');
      assert.deepEqual(shown.map((s) => s.message), ['Segmented Corpus: cancelled; nothing was written.']);
    });

    it('Check Corpus Files lists the most severe problems up to the cap, and says how many are left out', async () => {
      await setSetting('diagnostics.maxProblems', 1000);
      const uri = vscode.Uri.file(big);
      const { result, shown } = await answering<CheckSummary>({}, () => vscode.commands.executeCommand('segmentedCorpus.checkCorpusFiles', uri));
      assert.equal(result.error, undefined);
      // The CLI's count of the same rules (its consistency findings are counted over the corpus apart).
      const cliCount = cliOutput(['check', big]).toString('utf8').split('\n').filter((l) => l !== '' && !l.endsWith('[inconsistent-segmentation]')).length;
      assert.equal(result.problems, cliCount);
      assert.ok(cliCount > 1000);
      const entries = (await api()).fileJobs.problemsOf(uri);
      assert.equal(entries.length, 1001);
      const note = `Showing 1,000 of ${cliCount.toLocaleString('en-US')} problems in big.seg (the most severe first, segmentedCorpus.diagnostics.maxProblems); run \`segcorpus check ${big}\` for all.`;
      assert.equal(entries[0].message, note);
      assert.equal(entries[0].code, 'problems-left-out');
      assert.ok(shown[0].message.includes(note), shown[0].message);
      // The most severe first: every warning is kept before any information.
      const warnings = entries.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
      assert.equal(warnings, Math.min(1000, cliOutput(['check', big]).toString('utf8').split('\n').filter((l) => l.includes(': warning: ')).length));
    });

    it('each problem links to its line in the viewer (the Problems panel opens the entry itself as text)', async () => {
      const uri = vscode.Uri.file(big);
      await answering<CheckSummary>({}, () => vscode.commands.executeCommand('segmentedCorpus.checkCorpusFiles', uri));
      const entries = (await api()).fileJobs.problemsOf(uri);
      const entry = entries[entries.length - 1];
      const code = entry.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'a code with a target: the Problems panel shows it as a link');
      assert.match(code.value, /^[a-z-]+$/);
      assert.equal(code.target.scheme, 'command');
      // What the Problems panel does with a link (its opener, commands allowed): the command, with the JSON arguments of the query.
      const viewer = (await api()).viewer;
      const posted: Array<{ type: string; revealLine?: unknown; line?: unknown }> = [];
      const subscription = viewer.onDidPost((m) => posted.push(m.message));
      try {
        await vscode.commands.executeCommand(code.target.path, ...(JSON.parse(code.target.query) as unknown[]));
        const line = entry.range.start.line;
        await eventually(() => posted.find((m) => (m.type === 'init' && m.revealLine === line) || (m.type === 'reveal' && m.line === line)), `the viewer at line ${line + 1}`, 30_000);
        assert.deepEqual(viewer.openViewers().map((v) => v.uri.fsPath), [big]);
      } finally {
        subscription.dispose();
        await closeAllEditors();
      }
      // A small file's entries keep plain codes: it opens as text with every feature.
      const small = fixtureUri('categories.seg');
      await answering<CheckSummary>({}, () => vscode.commands.executeCommand('segmentedCorpus.checkCorpusFiles', small));
      assert.ok((await api()).fileJobs.problemsOf(small).every((d) => typeof d.code === 'string'));
    });
  });
});
