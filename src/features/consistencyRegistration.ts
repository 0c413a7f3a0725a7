// Segmentation consistency as activation registers it: the variations view, the quick fixes and the commands, which load the check (consistencyParts.ts) with the first corpus, or when one of them is first used.
import * as vscode from 'vscode';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import type { ConsistencyParts } from './consistencyParts';
import { Lazy, OnDemandFeatures } from './onDemand';
import type { VariationNode } from './variationsView';

export const VIEW_ID = 'segmentedCorpus.variations';
export const APPLY_MAJORITY = 'segmentedCorpus.applyMajority';
export const APPLY_ALL_MAJORITIES = 'segmentedCorpus.applyAllMajorities';
export const SEARCH_VARIATIONS = 'segmentedCorpus.searchVariations';
export const FOLLOW_EVERYWHERE = 'segmentedCorpus.followMajorityEverywhere';
export const IGNORE_VARIATION = 'segmentedCorpus.ignoreVariation';
export const FORGET_IGNORED = 'segmentedCorpus.forgetIgnoredVariations';
export const ADD_TO_LEXICON = 'segmentedCorpus.addToLexicon';

/**
 * A thread that counts one document off the extension host's (the Node host has them; the web host
 * counts in slices on its own): src/node/countWorker.ts speaks to it.
 */
export interface CountThread {
  /** Which thread it is. */
  readonly id: number;
  post(message: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** The thread's next answer; rejected when the thread fails or stops first. */
  answer(): Promise<unknown>;
  /** Stops the thread: its count is done, or given up on. */
  terminate(): void;
}

/**
 * Registers the view, the quick fixes and the commands; `parts()` makes the check if nothing has
 * yet. The check reads and counts nothing before a corpus is open or the view asks (opening any
 * .txt activates the extension), so it is loaded on those same occasions: the corpus whose opening
 * activated the extension (after activation returns), a corpus opened later, the view shown.
 */
export function registerConsistency(
  features: OnDemandFeatures,
  config: CorpusConfiguration,
  state: vscode.Memento,
  countThread?: (document: string) => CountThread,
): { parts: () => ConsistencyParts; disposable: vscode.Disposable } {
  const treeChanged = new vscode.EventEmitter<void>();
  let relay: vscode.Disposable | undefined;
  const parts = new Lazy<ConsistencyParts>(() => {
    const made = features.consistency().makeConsistency(config, state, countThread);
    relay = made.view.onDidChangeTreeData(() => treeChanged.fire());
    waitForCorpus.dispose();
    return made;
  });
  const isCorpus = (document: vscode.TextDocument): boolean => document.languageId === LANGUAGE_ID;
  const waitForCorpus = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isCorpus(document)) parts.get();
  });
  const activatedByCorpus = setTimeout(() => {
    if (!parts.made && vscode.workspace.textDocuments.some(isCorpus)) parts.get();
  }, 0);
  const tree = vscode.window.createTreeView<VariationNode>(VIEW_ID, {
    treeDataProvider: {
      onDidChangeTreeData: treeChanged.event,
      getTreeItem: (node) => parts.get().view.getTreeItem(node),
      getChildren: (node) => parts.get().view.getChildren(node),
    },
    showCollapseAll: true,
  });
  const disposable = vscode.Disposable.from(
    tree,
    // No consistency problem exists before the check is made: nothing to offer until then.
    vscode.languages.registerCodeActionsProvider(
      LANGUAGE_ID,
      { provideCodeActions: (document, range, context, token) => parts.made?.fixes.provideCodeActions(document, range, context, token) ?? [] },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(APPLY_MAJORITY, (node?: VariationNode | string) => features.consistency().applyMajorityOf(parts.get().view, node)),
    vscode.commands.registerCommand(APPLY_ALL_MAJORITIES, () => parts.get().view.applyMajority(undefined)),
    vscode.commands.registerCommand(SEARCH_VARIATIONS, (query?: string) => features.consistency().searchVariations(parts.get().view, query)),
    vscode.commands.registerCommand(FOLLOW_EVERYWHERE, (uri: vscode.Uri, sequence: string) => features.consistency().followMajorityEverywhere(parts.get().consistency, uri, sequence)),
    vscode.commands.registerCommand(IGNORE_VARIATION, (sequence: string) => parts.get().consistency.ignore(sequence)),
    vscode.commands.registerCommand(FORGET_IGNORED, () => features.consistency().forgetIgnored(parts.get().consistency)),
    vscode.commands.registerCommand(ADD_TO_LEXICON, (word: string) => features.consistency().addToLexicon(parts.get().consistency, word)),
    { dispose: () => clearTimeout(activatedByCorpus) },
    waitForCorpus,
    { dispose: () => relay?.dispose() },
    parts,
    treeChanged,
  );
  return { parts: () => parts.get(), disposable };
}
