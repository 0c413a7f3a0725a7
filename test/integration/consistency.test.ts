// Consistency in the real editor: inconsistent-segmentation problems, their quick fixes, the ignore memory, the lexicon, the workspace count, the variations view and the search.
import * as assert from 'assert/strict';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { Variations } from '../../src/core/variations';
import type { ExtensionApi } from '../../src/extension.shared';
import { localized } from '../../src/features/coreMessages';
import {
  EXTENSION_ID,
  actionTitled,
  applyAction,
  closeAllEditors,
  codeActions,
  corpusDiagnostics,
  deleteCorpusFiles,
  eventually,
  fixtureUri,
  openCorpusFile,
  problems,
  problemsBecome,
  rangeOf,
  resetSettings,
  run,
  setSetting,
  undo,
  warningsDuring,
} from './helpers';

const CODE = 'inconsistent-segmentation';
const JOINED = 'cần nâng_cao trình_độ .';
const SPLIT = 'phải nâng cao chất_lượng .';
/** `nâng_cao` twelve times, `nâng cao` three: the brief's example. */
const TWELVE_OF_FIFTEEN = [...Array<string>(12).fill(JOINED), ...Array<string>(3).fill(SPLIT)].join('\n');

function api(): ExtensionApi {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive);
  return extension.exports;
}

function consistencyProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return corpusDiagnostics(uri).filter((d) => d.code === CODE);
}

async function settled(): Promise<void> {
  await api().consistency.settled();
}

const tempFiles: vscode.Uri[] = [];
async function tempFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-${process.pid}-${tempFiles.length}-${name}`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  tempFiles.push(uri);
  return uri;
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('consistency', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await closeAllEditors();
    await deleteCorpusFiles();
    await resetSettings();
    await api()?.consistency.forgetIgnored();
    for (const uri of tempFiles.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('flags each occurrence against a clear majority, with the counts, as information; severity and thresholds from the settings', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'twelve');
    const uri = editor.document.uri;
    await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    assert.deepEqual(
      consistencyProblems(uri).map((d) => d.message),
      Array<string>(3).fill('`nâng cao` is split here; joined as `nâng_cao` in 12 of 15 places'),
    );
    await setSetting('diagnostics.severity', { [CODE]: 'warning' });
    await problemsBecome(uri, [`${CODE}@12:5-13 warning`, `${CODE}@13:5-13 warning`, `${CODE}@14:5-13 warning`]);
    await setSetting('consistency.minOccurrences', 16);
    await problemsBecome(uri, []);
    await setSetting('consistency.minOccurrences', 15);
    await setSetting('consistency.minShare', 0.85);
    await problemsBecome(uri, []);
    await setSetting('consistency.minShare', 0.8);
    await problemsBecome(uri, [`${CODE}@12:5-13 warning`, `${CODE}@13:5-13 warning`, `${CODE}@14:5-13 warning`]);
  });

  /**
   * Runs `test` with every document counted off the host's thread (the Node host's, which this
   * suite runs in), given how many counts were made on a thread, and from a file, before it.
   */
  async function withEveryDocumentOnAThread(test: (consistency: ExtensionApi['consistency'], before: { onThread: number; fromFile: number }) => Promise<void>): Promise<void> {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const consistency = api().consistency;
    const threshold = consistency.offThreadMinChars;
    consistency.offThreadMinChars = 0;
    try {
      await test(consistency, { onThread: consistency.countsOffThread, fromFile: consistency.countsFromFile });
    } finally {
      consistency.offThreadMinChars = threshold;
    }
  }

  it('counts a big document on a thread of its own: the same problems, and edits counted on the host from what the thread handed back', async () => {
    await withEveryDocumentOnAThread(async (consistency, before) => {
      const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'twelve');
      const uri = editor.document.uri;
      await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
      await settled();
      const counts = consistency.countsOffThread;
      assert.ok(counts > before.onThread, 'counted on the thread');
      assert.ok(consistency.countsFromFile > before.fromFile, 'the thread read the saved file itself');
      assert.deepEqual(consistencyProblems(uri).map((d) => d.message), Array<string>(3).fill('`nâng cao` is split here; joined as `nâng_cao` in 12 of 15 places'));
      // One line more is counted in as the edit arrives, in the counts the thread made: no count again.
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((edit) => edit.insert(end, `\n${SPLIT}`)));
      await problemsBecome(uri, [12, 13, 14, 15].map((l) => `${CODE}@${l}:5-13 information`));
      assert.deepEqual(consistencyProblems(uri).map((d) => d.message), Array<string>(4).fill('`nâng cao` is split here; joined as `nâng_cao` in 12 of 16 places'));
      assert.equal(consistency.countsOffThread, counts, 'the edit was counted on the host');
    });
  });

  it('on a machine of two cores or fewer, checks the other rules of a document counted on a thread once the count is done', async () => {
    await withEveryDocumentOnAThread(async (consistency, before) => {
      // Long enough for the first check to take many slices: a separator before a full stop on each filler line.
      const filler = Array<string>(20_000).fill('Ông_ta nói rằng anh_ấy sẽ đến 7 .');
      const editor = await openCorpusFile([TWELVE_OF_FIFTEEN, ...filler].join('\n'), 'waits');
      const document = editor.document;
      const timing = await eventually(() => api().diagnostics.firstCheckOf(document), 'the first check is done', 30_000);
      await settled();
      assert.ok(consistency.countsOffThread > before.onThread, 'counted on the thread');
      if (os.availableParallelism() <= 2) assert.ok(timing.waitedMs > 0, `the check waited for the count (${JSON.stringify(timing)})`);
      else assert.equal(timing.waitedMs, 0, 'with cores to spare the check runs beside the count');
      // Both kinds of problems are there: the count's, and the other rules' on every filler line.
      const found = corpusDiagnostics(document.uri);
      assert.deepEqual(found.filter((d) => d.code === CODE).map((d) => d.range.start.line), [12, 13, 14]);
      assert.ok(found.some((d) => d.code === 'separator-before-final' && d.range.start.line === 15));
      assert.deepEqual(api().diagnostics.summaryFor(document), { shown: 1000, total: filler.length });
    });
  });

  it('counts on the thread from lines the host sends when the saved file is not the document\'s text (not UTF-8)', async () => {
    await withEveryDocumentOnAThread(async (consistency, before) => {
      // A byte that is no UTF-8: the editor shows U+FFFD there, which the file's bytes are not.
      const uri = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-latin-${process.pid}.seg`));
      await vscode.workspace.fs.writeFile(uri, Buffer.concat([Buffer.from(TWELVE_OF_FIFTEEN + '\ncafé '), Buffer.from([0xe9]), Buffer.from(' nâng cao')]));
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(document);
        assert.ok(document.lineAt(15).text.includes('\ufffd'), 'the editor decoded the stray byte as U+FFFD');
        await problemsBecome(uri, [12, 13, 14, 15].map((l) => `${CODE}@${l}:${l === 15 ? 7 : 5}-${l === 15 ? 15 : 13} information`));
        await settled();
        assert.ok(consistency.countsOffThread > before.onThread, 'counted on the thread');
        assert.equal(consistency.countsFromFile, before.fromFile, 'not from the file');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      } finally {
        await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
      }
    });
  });

  it('an invalid threshold gives one warning naming it, and the default is used', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'invalid');
    const uri = editor.document.uri;
    await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    const warnings = (
      await warningsDuring(async () => {
        await setSetting('consistency.minShare', 0.4);
        await setSetting('consistency.scope', 'everywhere');
      })
    ).map((w) => w.message);
    assert.ok(warnings.some((w) => w.includes('segmentedCorpus.consistency.minShare: 0.4 is not a share above 0.5')), JSON.stringify(warnings));
    assert.ok(warnings.some((w) => w.includes('segmentedCorpus.consistency.scope: "everywhere" is not one of')), JSON.stringify(warnings));
    await settled();
    await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
  });

  it('follows a typed edit: the counts in the message change, and a flag goes when its majority does', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'typed');
    const uri = editor.document.uri;
    await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    // Split one of the twelve by hand: 11 of 15, still a clear majority (73 % is not: the default needs 75 %).
    assert.ok(await editor.edit((b) => b.replace(new vscode.Range(0, 8, 0, 9), ' ')));
    await problemsBecome(uri, []);
    await setSetting('consistency.minShare', 0.7);
    await problemsBecome(uri, [`${CODE}@0:4-12 information`, `${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    assert.equal(consistencyProblems(uri)[0].message, '`nâng cao` is split here; joined as `nâng_cao` in 11 of 15 places');
  });

  it('counts an edit of many changes at once (two on one line, a line added, one removed) as the document ends up', async () => {
    await setSetting('consistency.minShare', 0.6);
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'changes');
    const document = editor.document;
    await problemsBecome(document.uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    await settled();
    // One edit, one event of four changes, counted out and in as it arrives (the counts are ready).
    assert.ok(
      await editor.edit((b) => {
        b.replace(new vscode.Range(0, 8, 0, 9), ' ');
        b.replace(new vscode.Range(0, 18, 0, 19), ' ');
        b.insert(new vscode.Position(3, JOINED.length), `\n${SPLIT}`);
        b.delete(new vscode.Range(5, JOINED.length, 6, JOINED.length));
      }),
    );
    await settled();
    const edited = problems(document.uri).filter((p) => p.startsWith(CODE));
    const messages = consistencyProblems(document.uri).map((d) => d.message);
    // The same text counted from scratch, in a document of its own.
    const fresh = await openCorpusFile(document.getText(), 'fresh');
    await settled();
    assert.deepEqual(edited, problems(fresh.document.uri).filter((p) => p.startsWith(CODE)));
    assert.deepEqual(messages, consistencyProblems(fresh.document.uri).map((d) => d.message));
    assert.ok(messages.includes('`nâng cao` is split here; joined as `nâng_cao` in 10 of 15 places'), JSON.stringify(messages));
    assert.ok(messages.includes('`trình độ` is split here; joined as `trình_độ` in 10 of 11 places'), JSON.stringify(messages));
  });

  it('a long first pass lets other work run, and starts again when the document is edited on the way', async () => {
    // 200,000 lines (5 MB): `nâng_cao` joined in four of five.
    const long = Array.from({ length: 200_000 }, (_, k) => (k % 5 === 4 ? SPLIT : JOINED)).join('\n');
    // The extension active and counting (run alone, this is the first corpus the editor sees).
    await openCorpusFile(JOINED, 'first');
    await settled();
    const uri = await tempFile('long.seg', long);
    const document = await vscode.workspace.openTextDocument(uri);
    // The pass began as the document opened; this code runs between its slices.
    assert.equal(api().consistency.isReady(document), false, 'still counting when the opening returns');
    // An edit on the way (no editor to wait for): the lines read so far are not the document's any more.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 8, 0, 9), ' ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await api().consistency.settled(120_000);
    const messages = consistencyProblems(document.uri).map((d) => d.message);
    assert.equal(messages.length, 1000, 'the first thousand of the 40,001 split ones (diagnostics.maxProblems)');
    assert.ok(messages.every((m) => m === '`nâng cao` is split here; joined as `nâng_cao` in 159999 of 200000 places'), messages[0]);
  });

  it('the first pass over a document of many blocks flags what a fresh count of its lines, one by one, flags', async () => {
    // Compounds joined in various shares (some clear majorities, some not), among single syllables
    // and placeholders, over some hundreds of thousands of characters: the pass reads the document a
    // block at a time, keeps its lines as spellings and judges only the lines they show disagreeing.
    let seed = 0x5eed;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const compounds: Array<[string, number]> = [
      ['nâng_cao', 0.9],
      ['trình_độ', 0.8],
      ['học_sinh', 0.6],
      ['chất_lượng', 0.97],
      ['xã_hội_học', 0.85],
      ['ủy_ban_nhân_dân', 0.78],
    ];
    const singles = ['cần', 'phải', 'của', 'và', 'các', 'người', 'năm', 'đã', '6', '7', '1', '.', ','];
    const lines: string[] = [];
    for (let l = 0; l < 6000; l++) {
      const words: string[] = [];
      for (let w = 0, n = 4 + Math.floor(random() * 36); w < n; w++) {
        if (random() < 0.3) {
          const [compound, joined] = compounds[Math.floor(random() * compounds.length)];
          words.push(random() < joined ? compound : compound.replace(/_/g, ' '));
        } else {
          words.push(singles[Math.floor(random() * singles.length)]);
        }
      }
      lines.push(words.join(' '));
    }
    const text = lines.join('\n');
    assert.ok(text.length > 400_000, `${text.length} characters: several blocks`);
    const fresh = new Variations();
    for (const line of lines) fresh.noteCompoundsOfText(line);
    for (const line of lines) fresh.countText(line);
    // In the order corpusDiagnostics gives: by position.
    const expected = lines.flatMap((line, l) =>
      fresh
        .findingsOfText(line)
        .sort((a, b) => a.start - b.start || a.end - b.end)
        .map((f) => `${l}:${f.start}-${f.end} ${localized(f.l10n)}`),
    );
    assert.ok(expected.length > 1000, `${expected.length} findings`);
    await setSetting('diagnostics.maxProblems', 1_000_000);
    const editor = await openCorpusFile(text, 'blocks');
    await settled();
    const shown = consistencyProblems(editor.document.uri).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
    assert.deepEqual(shown, expected);
  });

  it('quick fix: follow the majority here (preferred) rewrites that occurrence only', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'here');
    const document = editor.document;
    await problemsBecome(document.uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    const range = new vscode.Range(13, 5, 13, 13);
    const actions = await codeActions(document.uri, range, vscode.CodeActionKind.QuickFix.value);
    const here = actionTitled(actions, 'Follow the majority here: `nâng_cao`');
    assert.equal(here.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Follow the majority everywhere in this document: `nâng_cao` (3 places)'));
    assert.ok(actions.some((a) => a.title === 'Keep `nâng cao` as it is'));
    assert.ok(!actions.some((a) => a.title.includes('lexicon')), 'no lexicon set: no "Add to lexicon"');
    await applyAction(here);
    assert.equal(document.lineAt(13).text, 'phải nâng_cao chất_lượng .');
    assert.equal(document.lineAt(12).text, SPLIT);
    await problemsBecome(document.uri, [`${CODE}@12:5-13 information`, `${CODE}@14:5-13 information`]);
    assert.equal(consistencyProblems(document.uri)[0].message, '`nâng cao` is split here; joined as `nâng_cao` in 13 of 15 places');
  });

  it('quick fix: follow the majority everywhere in the document, in one undo step', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'everywhere');
    const document = editor.document;
    await problemsBecome(document.uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    const actions = await codeActions(document.uri, new vscode.Range(12, 5, 12, 13), vscode.CodeActionKind.QuickFix.value);
    const everywhere = actionTitled(actions, 'Follow the majority everywhere in this document: `nâng_cao` (3 places)');
    assert.ok(everywhere.command);
    await vscode.commands.executeCommand(everywhere.command.command, ...(everywhere.command.arguments ?? []));
    assert.equal(document.getText(), [...Array<string>(12).fill(JOINED), ...Array<string>(3).fill('phải nâng_cao chất_lượng .')].join('\n'));
    await problemsBecome(document.uri, []);
    await undo(document);
    assert.equal(document.getText(), TWELVE_OF_FIFTEEN, 'one undo step puts all three back');
  });

  it('quick fix: keep the sequence as it is, remembered in the workspace until forgotten', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'keep');
    const uri = editor.document.uri;
    await problemsBecome(uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
    const keep = actionTitled(await codeActions(uri, new vscode.Range(14, 5, 14, 13), vscode.CodeActionKind.QuickFix.value), 'Keep `nâng cao` as it is');
    assert.ok(keep.command);
    await vscode.commands.executeCommand(keep.command.command, ...(keep.command.arguments ?? []));
    await problemsBecome(uri, []);
    assert.deepEqual([...api().consistency.ignored()], ['nâng cao']);
    assert.ok(!api().variationsView.rows().some((r) => r.sequence === 'nâng cao'), 'a kept sequence leaves the view');
    // Another document of the workspace session keeps it too.
    const other = await openCorpusFile(TWELVE_OF_FIFTEEN, 'keep-other');
    await settled();
    assert.deepEqual(consistencyProblems(other.document.uri), []);
    await run('forgetIgnoredVariations');
    await problemsBecome(other.document.uri, [`${CODE}@12:5-13 information`, `${CODE}@13:5-13 information`, `${CODE}@14:5-13 information`]);
  });

  it('lexicon: a split lexicon word is always flagged, the file is reloaded when it changes, and "Add to lexicon" writes it', async () => {
    const lexicon = await tempFile('lexicon.txt', '# words\nđường_sắt\n');
    await setSetting('consistency.lexicon', lexicon.fsPath);
    const editor = await openCorpusFile('Tuyến đường sắt mới .\nhọ nâng_cao 7 nâng_cao 7 nâng_cao 7 nâng cao .', 'lexicon');
    const uri = editor.document.uri;
    const split = rangeOf(editor.document, 'nâng cao');
    const at = `1:${split.start.character}-${split.end.character}`;
    await problemsBecome(uri, [`${CODE}@0:6-15 information`, `${CODE}@${at} information`]);
    assert.match(consistencyProblems(uri)[0].message, /^`đường sắt` is split here; `đường_sắt` is a lexicon word/);
    const add = actionTitled(await codeActions(uri, split, vscode.CodeActionKind.QuickFix.value), 'Add `nâng_cao` to lexicon');
    assert.ok(add.command);
    await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
    assert.equal(await readText(lexicon), '# words\nđường_sắt\nnâng_cao\n');
    await eventually(() => consistencyProblems(uri)[1]?.message.includes('lexicon word'), 'nâng_cao is a lexicon word now');
    // Changed by another program: reloaded.
    await vscode.workspace.fs.writeFile(lexicon, new TextEncoder().encode('tuyến_đường\n'));
    await problemsBecome(uri, [`${CODE}@0:0-11 information`, `${CODE}@${at} information`]);
  });

  it('workspace: a majority seen only across files is found, open documents count with their live text', async () => {
    const a = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('consistency/railway-a.seg')));
    await problemsBecome(a.document.uri, [`${CODE}@0:6-15 information`], 20_000);
    assert.equal(consistencyProblems(a.document.uri)[0].message, '`đường sắt` is split here; joined as `đường_sắt` in 4 of 5 places');
    // Splitting two of b's three, unsaved, leaves 2 of 5: no majority any more.
    const b = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('consistency/railway-b.seg')));
    assert.ok(
      await b.edit((edit) => {
        for (let k = 0; k < 2; k++) {
          const r = rangeOf(b.document, 'đường_sắt', k);
          edit.replace(new vscode.Range(r.start.translate(0, 5), r.start.translate(0, 6)), ' ');
        }
      }),
    );
    await problemsBecome(a.document.uri, []);
    // Counted on its own, a's one split occurrence has no majority to follow.
    await closeAllEditors();
    await setSetting('consistency.scope', 'document');
    const alone = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('consistency/railway-a.seg')));
    await settled();
    assert.deepEqual(consistencyProblems(alone.document.uri), []);
  });

  it('view: the variations with their forms and counts, most frequent first; a variation lists its occurrences, which open where they are', async () => {
    const editor = await openCorpusFile([TWELVE_OF_FIFTEEN, 'đường_sắt đường_sắt đường sắt .'].join('\n'), 'view');
    await settled();
    const view = api().variationsView;
    const rows = view.rows();
    assert.deepEqual(
      rows.map((r) => r.sequence),
      ['nâng cao', 'đường sắt'],
    );
    const item = view.getTreeItem({ kind: 'variation', row: rows[0] });
    assert.equal(item.label, 'nâng cao');
    assert.equal(item.description, 'nâng_cao 12 · nâng cao 3');
    assert.equal(item.contextValue, 'variation.fixable');
    const children = await view.getChildren({ kind: 'variation', row: rows[0] });
    assert.equal(children.length, 15);
    const last = children[14];
    assert.equal(last.kind, 'occurrence');
    const occurrenceItem = view.getTreeItem(last);
    assert.equal(occurrenceItem.label, 'nâng cao');
    assert.ok(occurrenceItem.command);
    await vscode.commands.executeCommand(occurrenceItem.command.command, ...(occurrenceItem.command.arguments ?? []));
    await eventually(() => vscode.window.activeTextEditor?.selection.isEqual(new vscode.Selection(14, 5, 14, 13)), 'the occurrence is selected');
    assert.equal(vscode.window.activeTextEditor?.document, editor.document);
  });

  it('view: applying the majority rewrites every disagreeing place in one undo step', async () => {
    const editor = await openCorpusFile(TWELVE_OF_FIFTEEN, 'apply');
    const document = editor.document;
    await settled();
    assert.equal(await run('applyMajority', 'nâng cao'), 3);
    assert.ok(!document.getText().includes('nâng cao'));
    await problemsBecome(document.uri, []);
    await undo(document);
    assert.equal(document.getText(), TWELVE_OF_FIFTEEN);
  });

  it('search: a word is found in every segmentation (`nâng_cao` finds `nâng cao`)', async () => {
    await openCorpusFile('Nâng cao 7 nâng_cao_trình_độ .\nphải nâng_cao chất_lượng .', 'search');
    await settled();
    const found = await api().variationsView.search('nâng_cao');
    assert.deepEqual(
      found.map((o) => `${o.line}:${o.start}-${o.end} ${o.text}`),
      ['0:0-8 Nâng cao', '0:11-19 nâng_cao', '1:5-13 nâng_cao'],
    );
  });
});
