// Rewrites of the segmentation offered as code actions: split a compound into its syllables, join a selection of words into one.
import * as vscode from 'vscode';
import { joinedWord, segmentAround } from '../core/boundaries';
import { TextEdit } from '../core/restore';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';

/**
 * The longest selection, in characters, offered as one word. Nobody joins a paragraph into a word,
 * and the light bulb asks on every selection change: a longer one costs nothing at all.
 */
export const MAX_JOIN_SELECTION = 200;

const REWRITE = vscode.CodeActionKind.RefactorRewrite;

function rewrite(document: vscode.TextDocument, line: number, title: string, edits: readonly TextEdit[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, REWRITE);
  action.edit = new vscode.WorkspaceEdit();
  for (const e of edits) action.edit.replace(document.uri, new vscode.Range(line, e.offset, line, e.offset + e.length), e.text);
  return action;
}

class SegmentationActions implements vscode.CodeActionProvider {
  static readonly kinds = [REWRITE];

  constructor(private readonly config: CorpusConfiguration) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(REWRITE)) return [];
    // A word is within one line: a range over several lines is no word, and is not read at all.
    if (range.start.line !== range.end.line || range.end.character - range.start.character > MAX_JOIN_SELECTION) return [];
    const line = range.start.line;
    const text = document.lineAt(line).text;
    const from = range.start.character;
    const to = range.end.character;
    // Only the tokens around the range are read, never the whole (possibly very long) line.
    const seg = segmentAround(text, this.config.settingsFor(document).tokenizer, from, to);
    if (token.isCancellationRequested) return [];
    const actions: vscode.CodeAction[] = [];
    const word = seg.wordAt(from);
    if (word && word.end >= to && word.syllables > 1) {
      actions.push(rewrite(document, line, vscode.l10n.t('Split `{0}` into syllables', word.text), seg.joinersOf(word).map((b) => ({ offset: b.start, length: b.end - b.start, text: ' ' }))));
    }
    const joined = range.isEmpty ? undefined : joinedWord(seg, from, to);
    if (joined) actions.push(rewrite(document, line, vscode.l10n.t('Join as `{0}`', joined.text), joined.edits));
    return actions;
  }
}

export function registerSegmentationActions(config: CorpusConfiguration): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(LANGUAGE_ID, new SegmentationActions(config), { providedCodeActionKinds: SegmentationActions.kinds });
}
