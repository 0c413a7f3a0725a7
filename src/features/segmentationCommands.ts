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

/** The sorted edits of a line, with how far each one's start has moved once the edits before it are applied. */
class LineEdits {
  /** shifts[i]: the length the edits before edits[i] add (or take away, negative); shifts[edits.length]: all of them. */
  private readonly shifts: Int32Array;

  constructor(readonly edits: readonly TextEdit[]) {
    this.shifts = new Int32Array(edits.length + 1);
    for (let i = 0; i < edits.length; i++) this.shifts[i + 1] = this.shifts[i] + edits[i].text.length - edits[i].length;
  }

  /**
   * Where a character offset goes when the edits are applied: kept before them, shifted after them,
   * or, strictly inside a replaced boundary, at the end of the text that replaced it. A binary
   * search: a thousand cursors on a line with a thousand edits are a thousand searches, not a million steps.
   */
  moved(character: number): number {
    // The number of edits starting before the offset.
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.edits[mid].offset < character) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return character;
    const e = this.edits[lo - 1];
    if (character < e.offset + e.length) return e.offset + this.shifts[lo - 1] + e.text.length;
    return character + this.shifts[lo];
  }
}

/** Where a position goes when the edits of its line are applied. */
function moved(position: vscode.Position, edits: LineEdits | undefined): vscode.Position {
  return edits ? position.with({ character: edits.moved(position.character) }) : position;
}

/**
 * From this many edits on one line, the line gets one replacement from its first changed boundary
 * to its last instead of one per boundary. The workbench applies each replacement on its own and
 * sends every extension each one as a change of its own (it merges them itself only from a thousand
 * in one edit): 500 cursors on a 20,000-character line took 0.4-0.7 s boundary by boundary, 20-50 ms
 * spanned. The cursors are set from the boundaries edited either way. Below it, each boundary is
 * replaced on its own, so that nothing between them moves (another editor's cursors, markers, and
 * the cursors of a redo, which the workbench tracks through the replacements).
 */
export const SPANNING_FROM_EDITS = 32;

/** How the edits of a line are handed to the editor: `each` boundary on its own, one `spanning` replacement, or by their number (`auto`). */
export type Replacements = 'each' | 'spanning' | 'auto';

/** The replacements that make a line's sorted edits: the edits themselves, or one from the first edit's start to the last one's end. */
export function lineReplacements(text: string, edits: readonly TextEdit[], replacements: Replacements): readonly TextEdit[] {
  const spanning = replacements === 'spanning' || (replacements === 'auto' && edits.length >= SPANNING_FROM_EDITS);
  if (!spanning || edits.length < 2) return edits;
  const first = edits[0].offset;
  const last = edits[edits.length - 1];
  const end = last.offset + last.length;
  const parts: string[] = [];
  let at = first;
  for (const e of edits) {
    parts.push(text.slice(at, e.offset), e.text);
    at = e.offset + e.length;
  }
  return [{ offset: first, length: end - first, text: parts.join('') }];
}

/**
 * Runs one operation at every cursor and selection in a single edit (one undo step), then puts the
 * cursors back where their text went, computed from the boundaries edited (however the edit was
 * handed to the editor). Returns the number of boundaries changed.
 */
export async function editSegmentation(editor: vscode.TextEditor, operation: SegmentationOperation, config: CorpusConfiguration, replacements: Replacements = 'auto'): Promise<number> {
  const { tokenizer } = config.settingsFor(editor.document);
  const document = editor.document;
  const version = document.version;
  const editsByLine = new Map<number, LineEdits>();
  const replacementsByLine = new Map<number, readonly TextEdit[]>();
  let count = 0;
  for (const [line, ranges] of rangesByLine(editor)) {
    const text = document.lineAt(line).text;
    // One cursor reads the tokens around it; many read the line once.
    const seg = ranges.length === 1 ? segmentAround(text, tokenizer, ranges[0].from, ranges[0].to) : segmentLine(text, tokenizer);
    const edits = segmentationEdits(seg, operation, ranges);
    if (edits.length === 0) continue;
    editsByLine.set(line, new LineEdits(edits));
    replacementsByLine.set(line, lineReplacements(text, edits, replacements));
    count += edits.length;
  }
  if (count === 0) return 0;
  const selections = editor.selections.map((s) => new vscode.Selection(moved(s.anchor, editsByLine.get(s.anchor.line)), moved(s.active, editsByLine.get(s.active.line))));
  const applied = await editor.edit(
    (builder) => {
      for (const [line, edits] of replacementsByLine) for (const e of edits) builder.replace(new vscode.Range(line, e.offset, line, e.offset + e.length), e.text);
    },
    { undoStopBefore: true, undoStopAfter: true },
  );
  if (!applied || document.version !== version + 1) return applied ? count : 0;
  editor.selections = selections;
  return count;
}

/** What a command may be given: `replacements` is read by the tests and the benchmark, which compare the two ways of handing the edits over. */
interface SegmentationCommandOptions {
  readonly replacements?: Replacements;
}

function replacementsOf(options: unknown): Replacements {
  const r = (options as SegmentationCommandOptions | undefined)?.replacements;
  return r === 'each' || r === 'spanning' ? r : 'auto';
}

export function registerSegmentationCommands(config: CorpusConfiguration): vscode.Disposable {
  return vscode.Disposable.from(
    ...SEGMENTATION_COMMANDS.map(({ id, operation, nothing }) =>
      vscode.commands.registerCommand(id, async (options?: unknown) => {
        const editor = vscode.window.activeTextEditor;
        // Only a corpus is read as syllables and boundaries (the keys and menus say so too).
        if (!editor || editor.document.languageId !== LANGUAGE_ID) return 0;
        const count = await editSegmentation(editor, operation, config, replacementsOf(options));
        if (count === 0) vscode.window.setStatusBarMessage(nothing(), 3000);
        return count;
      }),
    ),
  );
}
