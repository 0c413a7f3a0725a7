// The Segmentation Variations view: every variation with its forms and counts, its occurrences a click away, the majority applied in one go, and a search in every segmentation.
// Loaded with the consistency check (consistencyRegistration.ts registers the view and its commands at activation).
import * as vscode from 'vscode';
import { Variation } from '../core/variations';
import { CorpusConsistency, Occurrence } from './consistency';
import { LANGUAGE_ID } from './configuration';
/** More places than this are confirmed before they are rewritten. */
const CONFIRM_PLACES = 20;
/** Occurrences listed under a variation. */
const MAX_OCCURRENCES = 500;

export type VariationNode = { readonly kind: 'variation'; readonly row: Variation } | { readonly kind: 'occurrence'; readonly occurrence: Occurrence };

/** `nâng_cao 12 · nâng cao 3`. */
export function formsText(row: Variation): string {
  return row.forms.map((f) => `${f.form} ${f.count}`).join(' · ');
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function openArgs(o: Occurrence): [vscode.Uri, vscode.TextDocumentShowOptions] {
  return [o.uri, { selection: new vscode.Range(o.line, o.start, o.line, o.end), preview: true }];
}

export class VariationsView implements vscode.TreeDataProvider<VariationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The corpus document the view follows: the last active one. */
  private document: vscode.TextDocument | undefined;

  constructor(private readonly consistency: CorpusConsistency) {
    const follow = (editor: vscode.TextEditor | undefined) => {
      if (editor?.document.languageId === LANGUAGE_ID && editor.document !== this.document) {
        this.document = editor.document;
        this.changed.fire();
      }
    };
    follow(vscode.window.activeTextEditor);
    vscode.window.onDidChangeActiveTextEditor(follow, null, this.subscriptions);
    vscode.workspace.onDidCloseTextDocument((d) => d === this.document && ((this.document = undefined), this.changed.fire()), null, this.subscriptions);
    consistency.onDidChange(() => this.changed.fire(), null, this.subscriptions);
  }

  /** The variations listed, in order. */
  rows(): Variation[] {
    return this.consistency.variations(this.document);
  }

  getTreeItem(node: VariationNode): vscode.TreeItem {
    if (node.kind === 'variation') {
      const row = node.row;
      const item = new vscode.TreeItem(row.sequence, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = formsText(row);
      item.tooltip = new vscode.MarkdownString().appendText(
        `${row.sequence}: ${formsText(row)}\n` +
          (row.majority === undefined
            ? vscode.l10n.t('no clear majority ({0} % at most)', (100 * row.share).toFixed(0))
            : row.lexicon
              ? vscode.l10n.t('lexicon word: {0} ({1} %), {2} to change', row.majority, (100 * row.share).toFixed(0), row.disagreeing)
              : vscode.l10n.t('majority: {0} ({1} %), {2} to change', row.majority, (100 * row.share).toFixed(0), row.disagreeing)),
      );
      item.contextValue = row.majority !== undefined && row.disagreeing > 0 ? 'variation.fixable' : 'variation';
      item.iconPath = new vscode.ThemeIcon(row.majority === undefined ? 'question' : 'symbol-text');
      return item;
    }
    const o = node.occurrence;
    const item = new vscode.TreeItem(o.text, vscode.TreeItemCollapsibleState.None);
    item.description = `${fileName(o.uri)}:${o.line + 1}:${o.start + 1}`;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: openArgs(o) };
    item.contextValue = 'occurrence';
    return item;
  }

  async getChildren(node?: VariationNode): Promise<VariationNode[]> {
    if (!node) return this.rows().map((row) => ({ kind: 'variation', row }));
    if (node.kind !== 'variation') return [];
    const found = await this.consistency.occurrences(this.document, node.row.sequence, MAX_OCCURRENCES);
    return found.map((occurrence) => ({ kind: 'occurrence', occurrence }));
  }

  /**
   * Rewrites every disagreeing occurrence to its majority, of one sequence or of all, in every
   * document and file counted together (one workspace edit: one undo step per document).
   */
  async applyMajority(sequence: string | undefined, confirm = true): Promise<number> {
    const edit = new vscode.WorkspaceEdit();
    let places = 0;
    for (const uri of this.consistency.members(this.document)) {
      const document = await vscode.workspace.openTextDocument(uri);
      const edits = this.consistency.editsEverywhere(document, sequence);
      if (edits.length === 0) continue;
      edit.set(uri, edits);
      places += edits.length;
    }
    if (places === 0) return 0;
    if (confirm && places > CONFIRM_PLACES) {
      const go = vscode.l10n.t('Rewrite {0} Boundaries', places);
      const question =
        sequence === undefined
          ? vscode.l10n.t('Follow the majority for every variation: {0} boundaries in {1} files?', places, edit.size)
          : vscode.l10n.t('Follow the majority for `{0}`: {1} boundaries in {2} files?', sequence, places, edit.size);
      const choice = await vscode.window.showWarningMessage(question, { modal: true }, go);
      if (choice !== go) return 0;
    }
    return (await vscode.workspace.applyEdit(edit)) ? places : 0;
  }

  /** Every occurrence of a word in any segmentation, in what the view lists. */
  search(word: string, token?: vscode.CancellationToken): Promise<Occurrence[]> {
    return this.consistency.occurrences(this.document, word, MAX_OCCURRENCES, token);
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}

/** Asks for a word and lists its occurrences in every segmentation; picking one opens it. */
export async function searchVariations(view: VariationsView, query?: string): Promise<void> {
  const word = query ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Find a word in every segmentation'), prompt: vscode.l10n.t('`{0}` finds `{1}` too', 'nâng_cao', 'nâng cao'), placeHolder: 'nâng_cao' }));
  if (!word?.trim()) return;
  const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { occurrence: Occurrence }>();
  pick.title = vscode.l10n.t('`{0}` in every segmentation', word.trim());
  pick.busy = true;
  pick.matchOnDescription = true;
  pick.show();
  const source = new vscode.CancellationTokenSource();
  pick.onDidHide(() => source.cancel());
  const found = await view.search(word.trim(), source.token);
  pick.items = found.map((occurrence) => ({ label: occurrence.text, description: `${fileName(occurrence.uri)}:${occurrence.line + 1}:${occurrence.start + 1}`, occurrence }));
  pick.placeholder = found.length === 0 ? vscode.l10n.t('Not found') : found.length === 1 ? vscode.l10n.t('1 place') : vscode.l10n.t('{0} places', found.length);
  pick.busy = false;
  pick.onDidAccept(() => {
    const chosen = pick.selectedItems[0];
    pick.hide();
    if (chosen) void vscode.commands.executeCommand('vscode.open', ...openArgs(chosen.occurrence));
  });
}

/** Apply the Majority on a row of the view (or a sequence given by name): the number of places rewritten. */
export function applyMajorityOf(view: VariationsView, node?: VariationNode | string): Promise<number> | number {
  const sequence = typeof node === 'string' ? node : node?.kind === 'variation' ? node.row.sequence : undefined;
  return sequence === undefined ? 0 : view.applyMajority(sequence);
}
