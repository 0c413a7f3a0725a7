// The segmentation commands: Join Words, Join with Previous Word, Split Word and Toggle Boundary, at every cursor and selection, one undo step each.
import * as vscode from 'vscode';
import { LineRange, SegmentationOperation, segmentAround, segmentLine, segmentationEdits } from '../core/boundaries';
import { TextEdit } from '../core/restore';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';

/** Command ids: people bind keys to them, so they never change. */
export const SEGMENTATION_COMMANDS: ReadonlyArray<{ readonly id: string; readonly operation: SegmentationOperation; readonly nothing: () => string }> = [
  { id: 'segmentedCorpus.joinWords', operation: 'join', nothing: () => vscode.l10n.t('Segmented Corpus: no words to join here') },
  { id: 'segmentedCorpus.joinWithPreviousWord', operation: 'joinPrevious', nothing: () => vscode.l10n.t('Segmented Corpus: no words to join here') },
  { id: 'segmentedCorpus.splitWord', operation: 'split', nothing: () => vscode.l10n.t('Segmented Corpus: no joined word here') },
  { id: 'segmentedCorpus.toggleBoundary', operation: 'toggle', nothing: () => vscode.l10n.t('Segmented Corpus: no boundary between syllables here') },
];

/** The cursors and selections of an editor, cut into the parts each line holds (a line is a document of the corpus). */
function rangesByLine(editor: vscode.TextEditor): Map<number, LineRange[]> {
  const byLine = new Map<number, LineRange[]>();
  const add = (line: number, range: LineRange) => {
    const list = byLine.get(line);
    if (list) list.push(range);
    else byLine.set(line, [range]);
  };
  for (const selection of editor.selections) {
    if (selection.isEmpty) {
      add(selection.active.line, { from: selection.active.character, to: selection.active.character });
      continue;
    }
    const { start, end } = selection;
    for (let line = start.line; line <= end.line; line++) {
      const from = line === start.line ? start.character : 0;
      const to = line === end.line ? end.character : editor.document.lineAt(line).text.length;
      // An empty part of a selection (its end at a line's start) is not a cursor: it asks for nothing.
      if (from < to) add(line, { from, to });
    }
  }
  return byLine;
}

/** Where a position goes when the sorted edits of its line are applied: kept, shifted, or at the end of the text that replaced it. */
function moved(position: vscode.Position, edits: readonly TextEdit[] | undefined): vscode.Position {
  if (!edits) return position;
  let shift = 0;
  for (const e of edits) {
    if (e.offset >= position.character) break;
    if (position.character < e.offset + e.length) return position.with({ character: e.offset + shift + e.text.length });
    shift += e.text.length - e.length;
  }
  return position.with({ character: position.character + shift });
}

/**
 * Runs one operation at every cursor and selection in a single edit (one undo step), then puts the
 * cursors back where their text went. Returns the number of boundaries changed.
 */
export async function editSegmentation(editor: vscode.TextEditor, operation: SegmentationOperation, config: CorpusConfiguration): Promise<number> {
  const { tokenizer } = config.settingsFor(editor.document);
  const document = editor.document;
  const version = document.version;
  const editsByLine = new Map<number, TextEdit[]>();
  let count = 0;
  for (const [line, ranges] of rangesByLine(editor)) {
    const text = document.lineAt(line).text;
    // One cursor reads the tokens around it; many read the line once.
    const seg = ranges.length === 1 ? segmentAround(text, tokenizer, ranges[0].from, ranges[0].to) : segmentLine(text, tokenizer);
    const edits = segmentationEdits(seg, operation, ranges);
    if (edits.length === 0) continue;
    editsByLine.set(line, edits);
    count += edits.length;
  }
  if (count === 0) return 0;
  const selections = editor.selections.map((s) => new vscode.Selection(moved(s.anchor, editsByLine.get(s.anchor.line)), moved(s.active, editsByLine.get(s.active.line))));
  const applied = await editor.edit(
    (builder) => {
      for (const [line, edits] of editsByLine) for (const e of edits) builder.replace(new vscode.Range(line, e.offset, line, e.offset + e.length), e.text);
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  if (!applied || document.version !== version + 1) return applied ? count : 0;
  editor.selections = selections;
  return count;
}

export function registerSegmentationCommands(config: CorpusConfiguration): vscode.Disposable {
  return vscode.Disposable.from(
    ...SEGMENTATION_COMMANDS.map(({ id, operation, nothing }) =>
      vscode.commands.registerCommand(id, async () => {
        const editor = vscode.window.activeTextEditor;
        // Only a corpus is read as syllables and boundaries (the keys and menus say so too).
        if (!editor || editor.document.languageId !== LANGUAGE_ID) return 0;
        const count = await editSegmentation(editor, operation, config);
        if (count === 0) vscode.window.setStatusBarMessage(nothing(), 3000);
        return count;
      }),
    ),
  );
}
