// Quick fixes on `inconsistent-segmentation` problems: follow the majority here or everywhere in the document, keep the sequence as it is, add the word to the lexicon.
// Loaded with the consistency check (consistencyRegistration.ts registers the provider and the commands at activation).
import * as vscode from 'vscode';
import { CONSISTENCY_CODE, CorpusConsistency } from './consistency';
import { ADD_TO_LEXICON, FOLLOW_EVERYWHERE, IGNORE_VARIATION } from './consistencyRegistration';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

const QUICK_FIX = vscode.CodeActionKind.QuickFix;
/** Problems offered fixes per request: a selection over thousands of problems asks for no more than a menu can show. */
const MAX_PROBLEMS = 5;

export class ConsistencyFixes implements vscode.CodeActionProvider {
  static readonly kinds = [QUICK_FIX];

  constructor(private readonly consistency: CorpusConsistency) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext, token: vscode.CancellationToken): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(QUICK_FIX)) return [];
    const actions: vscode.CodeAction[] = [];
    const problems = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code === CONSISTENCY_CODE).slice(0, MAX_PROBLEMS);
    const lexicon = this.consistency.lexiconUri() !== undefined;
    for (const problem of problems) {
      if (token.isCancellationRequested) return [];
      const finding = this.consistency.findingAt(document, problem.range);
      if (!finding) continue;
      const here = this.consistency.editsHere(document, problem.range.start.line, problem.range.start.character);
      if (here.length > 0) {
        const action = new vscode.CodeAction(vscode.l10n.t('Follow the majority here: `{0}`', finding.majority), QUICK_FIX);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.set(document.uri, here);
        action.diagnostics = [problem];
        action.isPreferred = true;
        actions.push(action);
      }
      const places = this.consistency.disagreeingIn(document, finding.sequence);
      if (places > 1) {
        const action = new vscode.CodeAction(vscode.l10n.t('Follow the majority everywhere in this document: `{0}` ({1} places)', finding.majority, places), QUICK_FIX);
        action.command = { command: FOLLOW_EVERYWHERE, title: action.title, arguments: [document.uri, finding.sequence] };
        action.diagnostics = [problem];
        actions.push(action);
      }
      const keep = new vscode.CodeAction(vscode.l10n.t('Keep `{0}` as it is', finding.written), QUICK_FIX);
      keep.command = { command: IGNORE_VARIATION, title: keep.title, arguments: [finding.sequence] };
      keep.diagnostics = [problem];
      actions.push(keep);
      // A lexicon says what is one word: offered when the majority writes it as one.
      if (lexicon && !finding.majority.includes(' ')) {
        const add = new vscode.CodeAction(vscode.l10n.t('Add `{0}` to lexicon', finding.majority), QUICK_FIX);
        add.command = { command: ADD_TO_LEXICON, title: add.title, arguments: [finding.majority] };
        add.diagnostics = [problem];
        actions.push(add);
      }
    }
    return actions;
  }
}

/** Applies edits to one document as one undo step. */
export async function applyTextEdits(uri: vscode.Uri, edits: readonly vscode.TextEdit[]): Promise<boolean> {
  if (edits.length === 0) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, [...edits]);
  return vscode.workspace.applyEdit(edit);
}

/** Follow the Majority Everywhere in a document, for one sequence (one undo step). */
export async function followMajorityEverywhere(consistency: CorpusConsistency, uri: vscode.Uri, sequence: string): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(uri);
  return applyTextEdits(uri, consistency.editsEverywhere(document, sequence));
}

/** Forget the variations kept as they are, and say how many. */
export async function forgetIgnored(consistency: CorpusConsistency): Promise<void> {
  const count = await consistency.forgetIgnored();
  void vscode.window.showInformationMessage(
    count === 0 ? vscode.l10n.t('No segmentation variation was being kept.') : vscode.l10n.t('Segmentation variations are checked again: {0} forgotten.', count),
  );
}

/** Add a word to the lexicon; a failure is shown, not thrown. */
export async function addToLexicon(consistency: CorpusConsistency, word: string): Promise<void> {
  try {
    await consistency.addToLexicon(word);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Segmented Corpus: could not add `{0}` to the lexicon: {1}', word, error instanceof Error ? error.message : String(error)));
  }
}
