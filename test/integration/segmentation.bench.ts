// Timing of the segmentation commands inside the real editor, run by bench/segmentation.mjs (not a test: it prints figures and asserts only the results).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { segmentLine, segmentationEdits } from '../../src/core/boundaries';
import { TextEdit, applyEdits } from '../../src/core/restore';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { openScratch, undo, workspaceFolder } from './helpers';

const LINE_CHARS = 20_000;
const CURSORS = 1_000;
const RUNS = 9;

/** Where the marked report lines go: scripts/editor/vscode-adapter.mjs passes them to its stdout. */
const marker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';

/** Something timed: it changes the document once, from `selections`, to `expected`. */
interface Case {
  readonly label: string;
  readonly selections: readonly vscode.Selection[];
  readonly expected: string;
  readonly act: () => Thenable<unknown>;
}

/**
 * Times each case `RUNS` times, the cases taking turns so that a burst of load elsewhere falls on
 * all of them alike. A run is timed from the call (executeCommand, or editor.edit) until the
 * document has changed and the call has returned: what a person waits for. Every run is checked
 * (the text the core says, one undo step back).
 */
async function timeTurns(editor: vscode.TextEditor, cases: readonly Case[]): Promise<Record<string, number[]>> {
  const document = editor.document;
  const original = document.getText();
  const times: Record<string, number[]> = {};
  for (const c of cases) times[c.label] = [];
  // One untimed turn first: the first edit of a long line warms up the workbench's paths.
  for (let run = -1; run < RUNS; run++) {
    for (const c of cases) {
      editor.selections = [...c.selections];
      // The cursors are in place before the clock starts: a person has them before pressing the
      // key. A round trip to the workbench (queued behind the selections) and a frame's time.
      await vscode.window.showTextDocument(document, editor.viewColumn);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const version = document.version;
      const started = performance.now();
      await c.act();
      const elapsed = performance.now() - started;
      assert.equal(document.version, version + 1, `${c.label}: one change`);
      if (run >= 0) times[c.label].push(elapsed);
      assert.equal(document.getText(), c.expected, `${c.label} edits as the core says`);
      await undo(document);
      assert.equal(document.getText(), original, `${c.label}: one undo step`);
    }
  }
  for (const label of Object.keys(times)) times[label].sort((a, b) => a - b);
  return times;
}

/** One replacement per edit, as a plain editor.edit would make them. */
function plainEdit(editor: vscode.TextEditor, edits: readonly TextEdit[]): () => Thenable<boolean> {
  return () => editor.edit((b) => {
    for (const e of edits) b.replace(new vscode.Range(0, e.offset, 0, e.offset + e.length), e.text);
  });
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
  const commands: Array<[string, string, 'join' | 'split' | 'toggle', vscode.Selection[]]> = [
    ['Join Words', 'joinWords', 'join', pick(spaces).map((b) => cursor(b.start - 1))],
    ['Split Word', 'splitWord', 'split', pick(compounds).map((w) => cursor(w.start + 1))],
    ['Toggle Boundary', 'toggleBoundary', 'toggle', pick(spaces).map((b) => cursor(b.start))],
  ];
  const cases: Case[] = [];
  const editsOf = (operation: 'join' | 'split' | 'toggle', selections: readonly vscode.Selection[]) =>
    segmentationEdits(seg, operation, selections.map((s) => ({ from: s.active.character, to: s.active.character })));
  // The baselines: the same replacements as Join Words at its 1,000 cursors, made by a plain
  // editor.edit (no command), one replacement per edit and then as one replacement spanning them,
  // with the same 1,000 cursors in the editor (the workbench moves every cursor through an edit).
  const joins = editsOf('join', commands[0][3]);
  const joined = applyEdits(line, joins);
  const first = joins[0].offset;
  const last = joins[joins.length - 1].offset + joins[joins.length - 1].length;
  const spanning: TextEdit = { offset: first, length: last - first, text: joined.slice(first, joined.length - (line.length - last)) };
  const joinCursors = commands[0][3];
  cases.push({ label: 'plain edit, every replacement', selections: joinCursors, expected: joined, act: plainEdit(editor, joins) });
  cases.push({ label: 'plain edit, one spanning replacement', selections: joinCursors, expected: joined, act: plainEdit(editor, [spanning]) });
  // Any edit pays a round trip to the workbench: one `_` typed over a space.
  const space = spaces[0];
  const one: TextEdit = { offset: space.start, length: space.end - space.start, text: '_' };
  cases.push({ label: 'plain edit, one `_`', selections: [cursor(0)], expected: applyEdits(line, [one]), act: plainEdit(editor, [one]) });
  for (const [label, command, operation, selections] of commands) {
    const id = `segmentedCorpus.${command}`;
    const expected = applyEdits(line, editsOf(operation, selections));
    cases.push({ label, selections, expected, act: () => vscode.commands.executeCommand(id) });
    // The way it was: every boundary handed to the editor as a replacement of its own.
    cases.push({ label: `${label}, each boundary replaced`, selections, expected, act: () => vscode.commands.executeCommand(id, { replacements: 'each' }) });
    if (operation === 'join') {
      // Below a thousand replacements the workbench does not merge them itself: every extension is
      // sent each one as a change of its own.
      const half = selections.filter((_, k) => k % 2 === 0);
      const halfExpected = applyEdits(line, editsOf(operation, half));
      cases.push({ label: `${label}, ${half.length} cursors`, selections: half, expected: halfExpected, act: () => vscode.commands.executeCommand(id) });
      cases.push({ label: `${label}, ${half.length} cursors, each boundary replaced`, selections: half, expected: halfExpected, act: () => vscode.commands.executeCommand(id, { replacements: 'each' }) });
      cases.push({ label: `${label}, one cursor`, selections: [selections[0]], expected: applyEdits(line, editsOf(operation, [selections[0]])), act: () => vscode.commands.executeCommand(id) });
    }
  }
  const figures: Record<string, unknown> = { line: line.length, cursors: CURSORS, edits: joins.length, ...(await timeTurns(editor, cases)) };
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  console.log(`${marker}segmentation-editor ${JSON.stringify(figures)}`);
}
