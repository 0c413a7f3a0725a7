// Timing of the segmentation commands inside the real editor, run by bench/segmentation.mjs (not a test: it prints figures and asserts only the results).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { segmentLine, segmentationEdits } from '../../src/core/boundaries';
import { applyEdits } from '../../src/core/restore';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { openScratch, run as runCommand, undo, workspaceFolder } from './helpers';

const LINE_CHARS = 20_000;
const CURSORS = 1_000;
const RUNS = 7;

/** Where the marked report lines go: scripts/editor/vscode-adapter.mjs passes them to its stdout. */
const marker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';

async function time(command: string | (() => Thenable<unknown>), editor: vscode.TextEditor, selections: vscode.Selection[], expected: string): Promise<number[]> {
  const document = editor.document;
  const original = document.getText();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    editor.selections = selections;
    const started = performance.now();
    // From the command to the edit applied in the workbench and the cursors set: what a person waits for.
    await (typeof command === 'string' ? runCommand(command) : command());
    times.push(performance.now() - started);
    assert.equal(document.getText(), expected, `${String(command)} edits as the core says`);
    await undo(document);
    assert.equal(document.getText(), original, 'one undo step');
  }
  return times.sort((a, b) => a - b);
}

/** The extension host runs this as its tests (extensionTestsPath). */
export async function run(): Promise<void> {
  const tokenizer = new Tokenizer(DEFAULT_SCHEME);
  const sample = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceFolder().uri, 'sample.seg'))).trim();
  let line = '';
  while (line.length < LINE_CHARS) line += (line ? ' ' : '') + sample;
  line = line.slice(0, line.lastIndexOf(' ', LINE_CHARS));
  const editor = await openScratch(line, 'bench');
  const seg = segmentLine(line, tokenizer);
  const cursor = (offset: number) => new vscode.Selection(0, offset, 0, offset);
  const spaces = seg.boundaries.filter((b) => b.kind === 'space');
  const compounds = seg.words.filter((w) => w.syllables > 1);
  const pick = <T>(list: readonly T[]) => Array.from({ length: CURSORS }, (_, k) => list[Math.floor((k * list.length) / CURSORS)]);
  const cases: Array<[string, string, 'join' | 'split', vscode.Selection[]]> = [
    ['Join Words', 'joinWords', 'join', pick(spaces).map((b) => cursor(b.start - 1))],
    ['Split Word', 'splitWord', 'split', pick(compounds).map((w) => cursor(w.start + 1))],
  ];
  const figures: Record<string, unknown> = { line: line.length, cursors: CURSORS };
  // Any edit pays a round trip to the workbench: one `_` typed over a space by editor.edit, no command.
  const space = spaces[0];
  figures['any edit'] = await time(
    () => editor.edit((b) => b.replace(new vscode.Range(0, space.start, 0, space.end), '_')),
    editor,
    [cursor(0)],
    applyEdits(line, [{ offset: space.start, length: space.end - space.start, text: '_' }]),
  );
  for (const [label, command, operation, selections] of cases) {
    const ranges = selections.map((s) => ({ from: s.active.character, to: s.active.character }));
    const expected = applyEdits(line, segmentationEdits(seg, operation, ranges));
    figures[label] = await time(command, editor, selections, expected);
    // The same command at one cursor: the round trip to the workbench that any edit pays.
    figures[`${label}, one cursor`] = await time(command, editor, [selections[0]], applyEdits(line, segmentationEdits(seg, operation, [ranges[0]])));
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  console.log(`${marker}segmentation-editor ${JSON.stringify(figures)}`);
}
