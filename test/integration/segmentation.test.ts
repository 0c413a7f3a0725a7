// Editing the segmentation in the real editor: Join Words, Join with Previous Word, Split Word, Toggle Boundary, their keys and code actions.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, actionTitled, applyAction, closeAllEditors, codeActions, deleteCorpusFiles, eventually, openCorpusFile, rangeOf, run, undo,
} from './helpers';

const REWRITE = vscode.CodeActionKind.RefactorRewrite.value;

/** A cursor right after the `delta`-th character of the `occurrence`-th `needle`. */
function cursorAt(document: vscode.TextDocument, needle: string, delta = 0, occurrence = 0): vscode.Selection {
  const p = rangeOf(document, needle, occurrence).start.translate(0, delta);
  return new vscode.Selection(p, p);
}

function selectionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Selection {
  const r = rangeOf(document, needle, occurrence);
  return new vscode.Selection(r.start, r.end);
}

/** Selections as `line:anchor-active` (characters), easy to compare. */
function shownSelections(editor: vscode.TextEditor): string[] {
  return editor.selections.map((s) => `${s.active.line}:${s.anchor.character}-${s.active.character}`);
}

/** The segmentation titles of the rewrites offered on a range. */
async function rewrites(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  return (await codeActions(uri, range, REWRITE)).map((a) => a.title).filter((t) => t.startsWith('Split') || t.startsWith('Join'));
}

describe('segmentation', () => {
  afterEach(async () => {
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  describe('joinWords', () => {
    it("makes a selection's syllables one word", async () => {
      const editor = await openCorpusFile('giúp nâng cao trình_độ 7 chuyên_môn .');
      editor.selection = selectionOf(editor.document, 'nâng cao');
      assert.equal(await run('joinWords'), 1);
      assert.equal(editor.document.getText(), 'giúp nâng_cao trình_độ 7 chuyên_môn .');
      assert.deepEqual(shownSelections(editor), ['0:5-13'], 'the selection still holds the word');
    });

    it('at a cursor joins the word with the next one; Join with Previous Word with the previous one', async () => {
      const editor = await openCorpusFile('đào_tạo cán bộ trẻ');
      editor.selection = cursorAt(editor.document, 'cán', 1);
      await run('joinWords');
      assert.equal(editor.document.getText(), 'đào_tạo cán_bộ trẻ');
      await run('joinWithPreviousWord');
      assert.equal(editor.document.getText(), 'đào_tạo_cán_bộ trẻ');
      assert.deepEqual(shownSelections(editor), ['0:9-9'], 'the cursor stays in its word');
    });

    it('never joins a placeholder, and says so instead of editing', async () => {
      const text = 'Ngày 4 7 Chủ_tịch';
      const editor = await openCorpusFile(text);
      editor.selection = cursorAt(editor.document, 'Ngày', 2);
      assert.equal(await run('joinWords'), 0);
      assert.equal(editor.document.getText(), text);
      assert.equal(editor.document.isDirty, false, 'no edit at all');
    });

    it('with many cursors on many lines joins at each, in one undo step, and the cursors follow their text', async () => {
      const text = 'a  b c\nnâng cao\t trình độ\nx 7 y';
      const editor = await openCorpusFile(text);
      const d = editor.document;
      editor.selections = [cursorAt(d, 'b', 1), cursorAt(d, 'a'), cursorAt(d, 'trình', 2), cursorAt(d, 'nâng', 1), cursorAt(d, 'cao', 1), cursorAt(d, 'x', 1)];
      assert.equal(await run('joinWords'), 5, 'nothing joins x to the 7');
      assert.equal(d.getText(), 'a_b_c\nnâng_cao_trình_độ\nx 7 y');
      // `b` moved left by one (two spaces became one `_`), `trình` too (a tab and a space became `_`).
      assert.deepEqual(shownSelections(editor), ['0:3-3', '0:0-0', '1:11-11', '1:1-1', '1:6-6', '2:1-1']);
      await undo(d);
      assert.equal(d.getText(), text, 'one undo takes back every join');
    });
  });

  describe('splitWord', () => {
    it('splits the word at the cursor into its syllables', async () => {
      const editor = await openCorpusFile('do Sở_Nội_vụ TPHCM tổ_chức');
      editor.selection = cursorAt(editor.document, 'Sở', 1);
      await run('splitWord');
      assert.equal(editor.document.getText(), 'do Sở Nội vụ TPHCM tổ_chức');
    });

    it('with the cursor on a `_`, splits only that boundary', async () => {
      const editor = await openCorpusFile('cơ_quan_chuyên_môn');
      editor.selection = cursorAt(editor.document, '_chuyên');
      await run('splitWord');
      assert.equal(editor.document.getText(), 'cơ_quan chuyên_môn');
    });

    it('with many cursors and a selection, one undo step; a malformed joiner becomes one space', async () => {
      const text = 'cán_bộ trẻ a__b\nSở_Nội_vụ 7 kinh_tế-xã_hội';
      const editor = await openCorpusFile(text);
      const d = editor.document;
      editor.selections = [cursorAt(d, 'bộ'), cursorAt(d, 'a__b', 4), selectionOf(d, 'Sở_Nội_vụ 7 kinh_tế')];
      assert.equal(await run('splitWord'), 5);
      assert.equal(d.getText(), 'cán bộ trẻ a b\nSở Nội vụ 7 kinh tế-xã_hội');
      assert.deepEqual(shownSelections(editor), ['0:4-4', '0:14-14', '1:0-19']);
      await undo(d);
      assert.equal(d.getText(), text);
    });
  });

  describe('toggleBoundary', () => {
    it('flips the boundary at each cursor, space ↔ `_`, in one undo step', async () => {
      const text = 'nâng cao_trình_độ';
      const editor = await openCorpusFile(text);
      const d = editor.document;
      editor.selections = [cursorAt(d, ' cao'), cursorAt(d, '_trình', 1)];
      await run('toggleBoundary');
      assert.equal(d.getText(), 'nâng_cao trình_độ');
      await undo(d);
      assert.equal(d.getText(), text);
    });
  });

  describe('word status', () => {
    // The status bar item follows document changes, which reach extensions before the selection
    // moves: the cursor can still be on a line the edit removed. A listener that throws shows up
    // only in the workbench's log, and the integration runner fails the run on it.
    it('follows an edit that removes the line under the cursor', async () => {
      const editor = await openCorpusFile('một_hai\nba bốn\nnăm_sáu');
      editor.selection = new vscode.Selection(2, 2, 2, 2);
      assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(0, 7, 2, 7))));
      assert.equal(editor.document.getText(), 'một_hai');
      await eventually(() => editor.selection.active.line === 0, 'the cursor follows the text');
      // The item is updated on the next selection change as well.
      editor.selection = new vscode.Selection(0, 1, 0, 1);
    });
  });

  describe('many cursors on a line: one replacement spanning its edits', () => {
    // Words of every kind the boundary model knows: compounds, malformed joiners, stray `_`,
    // placeholders and punctuation, with spaces, runs of spaces and tabs between them.
    const WORDS = ['nâng_cao', 'trình_độ', 'a__b', 'cán', 'bộ', '7', 'x_', '_y', 'Sở_Nội_vụ', 'tổ_chức', '6', 'kinh_tế-xã_hội', 'hò', 'nhé', '.'];
    const GAPS = [' ', '  ', '\t', ' ', ' \t'];
    const lineOf = (words: number, seed: number) => Array.from({ length: words }, (_, k) => WORDS[(k * 7 + seed) % WORDS.length] + (k + 1 < words ? GAPS[(k * 3 + seed) % GAPS.length] : '')).join('');
    const TEXT = [lineOf(120, 0), lineOf(6, 1), lineOf(9, 2), lineOf(80, 3)].join('\n');

    /** Selections as `anchor-active`, each `line:character`. */
    const allSelections = (editor: vscode.TextEditor) => editor.selections.map((s) => `${s.anchor.line}:${s.anchor.character}-${s.active.line}:${s.active.character}`);

    /**
     * Cursors every few characters of the first line (on `_`, inside words, at their edges, in
     * gaps), selections forward and backward further on, one from the first line's end into the
     * second, one over the third line into the fourth, and cursors on the fourth: none touching.
     */
    function manySelections(document: vscode.TextDocument): vscode.Selection[] {
      const first = document.lineAt(0).text.length;
      const fourth = document.lineAt(3).text.length;
      const selections: vscode.Selection[] = [];
      for (let c = 0; c < first * 0.5; c += 3) selections.push(new vscode.Selection(0, c, 0, c));
      for (let c = Math.ceil(first * 0.5), k = 0; c + 12 < first - 20; c += 16, k++) {
        selections.push(k % 2 === 0 ? new vscode.Selection(0, c, 0, c + 5 + (k % 7)) : new vscode.Selection(0, c + 5 + (k % 7), 0, c));
      }
      selections.push(new vscode.Selection(0, first - 10, 1, 7));
      selections.push(new vscode.Selection(3, 15, 1, 12));
      for (let c = 20; c < fourth; c += 2) selections.push(new vscode.Selection(3, c, 3, c));
      return selections;
    }

    for (const command of ['joinWords', 'joinWithPreviousWord', 'splitWord', 'toggleBoundary']) {
      it(`${command}: the same text, cursors, selections and undo step as one replacement per boundary`, async () => {
        const editor = await openCorpusFile(TEXT);
        const d = editor.document;
        editor.selections = manySelections(d);
        // The workbench's own view of them (it merges any that touch), read back before the runs.
        await vscode.window.showTextDocument(d, editor.viewColumn);
        const selections = editor.selections;
        const outcomes: Array<{ count: unknown; text: string; selections: string[] }> = [];
        for (const replacements of ['each', 'auto', 'spanning']) {
          editor.selections = selections;
          const version = d.version;
          const count = await run(command, { replacements });
          assert.equal(d.version, version + 1, `${replacements}: one change`);
          outcomes.push({ count, text: d.getText(), selections: allSelections(editor) });
          await undo(d);
          assert.equal(d.getText(), TEXT, `${replacements}: one undo step takes it all back`);
        }
        const [each, auto, spanning] = outcomes;
        assert.ok(typeof each.count === 'number' && each.count >= 40, `many boundaries changed (${String(each.count)}), most on the first line`);
        assert.notEqual(each.text, TEXT);
        assert.deepEqual(auto, each, 'by their number: the long lines spanned, the short ones edited boundary by boundary');
        assert.deepEqual(spanning, each, 'every line spanned');
      });
    }
  });

  describe('code actions', () => {
    it('on a compound: "Split `nâng_cao` into syllables", applied as one undo step', async () => {
      const editor = await openCorpusFile('phải nâng_cao trình_độ');
      const d = editor.document;
      const range = new vscode.Range(rangeOf(d, 'cao').start, rangeOf(d, 'cao').start);
      assert.deepEqual(await rewrites(d.uri, range), ['Split `nâng_cao` into syllables']);
      await applyAction(actionTitled(await codeActions(d.uri, range, REWRITE), 'Split `nâng_cao` into syllables'));
      assert.equal(d.getText(), 'phải nâng cao trình_độ');
      await undo(d);
      assert.equal(d.getText(), 'phải nâng_cao trình_độ');
    });

    it('on a selection of several words: "Join as `nâng_cao_trình_độ`"', async () => {
      const editor = await openCorpusFile('phải nâng cao trình_độ 7 xong');
      const d = editor.document;
      const range = new vscode.Range(rangeOf(d, 'âng').start, rangeOf(d, 'trình').end);
      assert.deepEqual(await rewrites(d.uri, range), ['Join as `nâng_cao_trình_độ`']);
      await applyAction(actionTitled(await codeActions(d.uri, range, REWRITE), 'Join as `nâng_cao_trình_độ`'));
      assert.equal(d.getText(), 'phải nâng_cao_trình_độ 7 xong');
    });

    it('nothing on a single word, across a placeholder, over several lines or on a huge selection', async () => {
      const long = Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'cao' : 'nâng')).join(' ');
      const editor = await openCorpusFile(`phải nâng cao 7 xong\n${long}\nb`);
      const d = editor.document;
      assert.deepEqual(await rewrites(d.uri, rangeOf(d, 'phải')), []);
      assert.deepEqual(await rewrites(d.uri, new vscode.Range(rangeOf(d, 'cao').start, rangeOf(d, 'xong').end)), []);
      assert.deepEqual(await rewrites(d.uri, new vscode.Range(rangeOf(d, 'nâng').start, new vscode.Position(1, 4))), []);
      assert.deepEqual(await rewrites(d.uri, new vscode.Range(1, 0, 1, long.length)), [], 'a whole 15,000-character line is no word to offer');
      assert.deepEqual(await rewrites(d.uri, new vscode.Range(1, 0, 1, 8)), ['Join as `nâng_cao`'], 'a short selection on the long line is');
    });
  });

  describe('contributions', () => {
    const ours = ['segmentedCorpus.joinWords', 'segmentedCorpus.joinWithPreviousWord', 'segmentedCorpus.splitWord', 'segmentedCorpus.toggleBoundary'];

    it('registers the commands under their stable ids, in the palette and the editor context menu of corpus files', async () => {
      await openCorpusFile('a b');
      const registered = await vscode.commands.getCommands(true);
      for (const id of ours) assert.ok(registered.includes(id), `${id} is registered`);
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
        contributes: { menus: Record<string, Array<{ command: string; when?: string }>> };
      };
      for (const menu of ['commandPalette', 'editor/context']) {
        for (const id of ours) {
          const entry = manifest.contributes.menus[menu].find((m) => m.command === id);
          assert.equal(entry?.when, 'editorLangId == segmented-corpus', `${id} in ${menu}`);
        }
      }
    });

    it("takes no key that the workbench's default keybindings use", async () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { keybindings: Array<{ command: string; key: string }> } };
      const keys = manifest.contributes.keybindings.filter((k) => ours.includes(k.command)).map((k) => ({ command: k.command, key: canonicalKey(k.key) }));
      assert.equal(keys.length, ours.length, 'each command has a key');
      const defaults = await defaultKeybindings();
      assert.ok(defaults.length > 500, `the defaults are read (${defaults.length} bindings)`);
      assert.ok(defaults.some((b) => b.key === 'ctrl+shift+p' && b.command === 'workbench.action.showCommands'), 'the defaults are this platform’s: Ctrl+Shift+P shows the commands');
      const others = defaults.filter((b) => !b.command.startsWith('segmentedCorpus.') && !b.command.startsWith('-'));
      for (const { command, key } of keys) {
        // The same key, a chord that starts with it (ours would cut it off), or a key ours is a chord after.
        const clashes = others.filter((b) => b.key === key || b.key.startsWith(`${key} `) || key.startsWith(`${b.key} `));
        assert.deepEqual(clashes.map((b) => `${b.key} → ${b.command}${b.when ? ` when ${b.when}` : ''}`), [], `${key} (${command}) is free`);
      }
    });
  });
});

interface Keybinding {
  readonly key: string;
  readonly command: string;
  readonly when?: string;
}

/** A key as the defaults write it: lower case, modifiers in the order ctrl, shift, alt, meta. */
function canonicalKey(key: string): string {
  const order = ['ctrl', 'shift', 'alt', 'meta'];
  return key
    .toLowerCase()
    .split(' ')
    .filter(Boolean)
    .map((chord) => {
      const parts = chord.split('+');
      const mods = parts.slice(0, -1).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      return [...mods, parts[parts.length - 1]].join('+');
    })
    .join(' ');
}

/**
 * The workbench's default keybindings, as Preferences: Open Default Keyboard Shortcuts (JSON) shows
 * them: the document it opens (a JSON array between comment lines) is read through the API.
 */
async function defaultKeybindings(): Promise<Keybinding[]> {
  await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
  const document = await eventually(
    () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'vscode' && d.uri.path.endsWith('keybindings.json') && d.getText().length > 0),
    'the default keybindings are open',
    10_000,
  );
  const json = document
    .getText()
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return (JSON.parse(json) as Keybinding[]).map((b) => ({ ...b, key: canonicalKey(b.key) }));
}
