// Code actions: quick fixes for placeholders and joins, restore per sentence or line, document-wide fixes, and the fix-all on save.
import * as vscode from 'vscode';
import { FindingCode } from '../core/check';
import { LineEdit, PlannedAction, ProblemAt, WideAction, planCodeActions, wideActionEdits, wideActions } from '../core/codeActionPlan';
import { restoreEdits } from '../core/restore';
import { PLACEHOLDER_ROLES, PlaceholderRole } from '../core/scheme';
import { corpusEditorFor } from './activeCorpus';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { localized } from './coreMessages';
import { CorpusDiagnostics, DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('segmented-corpus');

function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly LineEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(e.line, e.offset, e.line, e.offset + e.length), e.text);
  return edit;
}

/** Every placeholder restored, as one edit: what the fix-all and the Restore Punctuation command do. */
export function restoreDocumentEdit(document: vscode.TextDocument, config: CorpusConfiguration): vscode.WorkspaceEdit {
  const { scheme, tokenizer } = config.settingsFor(document);
  const edit = new vscode.WorkspaceEdit();
  for (let l = 0; l < document.lineCount; l++) {
    for (const e of restoreEdits(tokenizer.tokenize(document.lineAt(l).text), scheme)) {
      edit.replace(document.uri, new vscode.Range(l, e.offset, l, e.offset + e.length), e.text);
    }
  }
  return edit;
}

/** A document-wide action: counted when offered, its edit computed only when it is chosen (resolveCodeAction). */
class WideCodeAction extends vscode.CodeAction {
  constructor(
    readonly wide: WideAction,
    readonly document: vscode.TextDocument,
    kind: vscode.CodeActionKind,
  ) {
    super(localized(wide.l10n), kind);
  }
}

type RequestProblem = ProblemAt & { readonly diagnostic: vscode.Diagnostic };

class CorpusCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

  constructor(
    private readonly config: CorpusConfiguration,
    private readonly diagnostics: CorpusDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext, cancel: vscode.CancellationToken): vscode.CodeAction[] {
    const only = context.only;
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) return [this.fixAll(document)];
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix) && !only.intersects(vscode.CodeActionKind.RefactorRewrite)) return [];
    const { tokenizer, scheme, marks } = this.config.settingsFor(document);
    const editor = vscode.window.activeTextEditor;
    const cursors = editor && editor.document === document ? editor.selections.map((s) => ({ line: s.active.line, character: s.active.character })) : [];
    const problems: RequestProblem[] = [];
    for (const d of context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || d.range.start.line !== d.range.end.line) continue;
      problems.push({ line: d.range.start.line, start: d.range.start.character, end: d.range.end.character, code: d.code as FindingCode, diagnostic: d });
    }
    const request = {
      start: range.start,
      end: range.end,
      automatic: context.triggerKind === vscode.CodeActionTriggerKind.Automatic,
      cursors,
      problems,
    };
    const lines = { lineCount: document.lineCount, lineAt: (l: number) => document.lineAt(l).text };
    const plan = planCodeActions(request, lines, tokenizer, scheme, marks, () => cancel.isCancellationRequested);
    if (!plan) return [];
    const actions = plan.actions.map((planned) => this.toCodeAction(document, planned));
    const checker = this.diagnostics.checkerFor(document);
    // Counted only once the first check is done: during it, a title would say how many of the lines checked so far.
    if (checker && !checker.loading && checker.lineCount === document.lineCount) {
      for (const wide of wideActions(checker, plan, range.start.line, range.end.line)) {
        const kind = wide.kind === 'restore' ? vscode.CodeActionKind.RefactorRewrite : vscode.CodeActionKind.QuickFix;
        const action = new WideCodeAction(wide, document, kind);
        if (wide.kind === 'everywhere') {
          // Listed under the problems of the tokens offered (not under every problem passed: a thousand with Ctrl+A).
          const about = [...new Set(plan.actions.flatMap((a) => a.problems).filter((p) => p.code === wide.code).map((p) => p.diagnostic))];
          if (about.length > 0) action.diagnostics = about;
        }
        actions.push(action);
      }
    }
    return cancel.isCancellationRequested ? [] : actions;
  }

  resolveCodeAction(action: vscode.CodeAction, cancel: vscode.CancellationToken): vscode.CodeAction {
    if (!(action instanceof WideCodeAction) || action.edit) return action;
    const { document, wide } = action;
    const checker = this.diagnostics.checkerFor(document);
    if (!checker) return action;
    const { tokenizer, scheme, marks } = this.config.settingsFor(document);
    const lines = { lineCount: document.lineCount, lineAt: (l: number) => document.lineAt(l).text };
    const edits = wideActionEdits(wide, checker, lines, tokenizer, scheme, marks, () => cancel.isCancellationRequested);
    if (!edits) return action;
    action.edit = toWorkspaceEdit(document, edits);
    return action;
  }

  private toCodeAction(document: vscode.TextDocument, planned: PlannedAction<RequestProblem>): vscode.CodeAction {
    const diagnostics = planned.problems.map((p) => p.diagnostic);
    if (planned.kind === 'define') {
      const title = localized(planned.l10n);
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { command: 'segmentedCorpus.definePlaceholder', title, arguments: [planned.digit] };
      action.diagnostics = diagnostics;
      return action;
    }
    const action = new vscode.CodeAction(localized(planned.l10n), planned.kind === 'quickfix' ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite);
    action.edit = toWorkspaceEdit(document, planned.edits);
    action.isPreferred = planned.preferred;
    if (diagnostics.length > 0) action.diagnostics = diagnostics;
    return action;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction {
    const action = new vscode.CodeAction(vscode.l10n.t('Restore every placeholder (Segmented Corpus)'), FIX_ALL_KIND);
    action.edit = restoreDocumentEdit(document, this.config);
    return action;
  }
}

/** What an unknown digit can be defined as, in the display language (read when asked). */
function roleChoices(): Array<{ label: string; description: string; value: object }> {
  return [
    { label: vscode.l10n.t('separator {0}', ','), description: vscode.l10n.t('a comma'), value: { role: 'separator', mark: ',', alternatives: [';', ':', '–', '…'] } },
    { label: vscode.l10n.t('separator {0}', ';'), description: vscode.l10n.t('a semicolon'), value: { role: 'separator', mark: ';', alternatives: [',', ':'] } },
    { label: vscode.l10n.t('separator {0}', ':'), description: vscode.l10n.t('a colon'), value: { role: 'separator', mark: ':', alternatives: [',', ';'] } },
    { label: vscode.l10n.t('separator {0}', '–'), description: vscode.l10n.t('a dash'), value: { role: 'separator', mark: '–', alternatives: [',', '-'] } },
    { label: vscode.l10n.t('pair {0}', '“ ”'), description: vscode.l10n.t('quotation marks'), value: { role: 'pair', open: '“', close: '”', alternatives: [['(', ')'], ['«', '»']] } },
    { label: vscode.l10n.t('pair {0}', '( )'), description: vscode.l10n.t('brackets'), value: { role: 'pair', open: '(', close: ')', alternatives: [['[', ']'], ['“', '”']] } },
    { label: vscode.l10n.t('number'), description: vscode.l10n.t('a masked number, kept visible'), value: { role: 'number' } },
    { label: vscode.l10n.t('date'), description: vscode.l10n.t('a masked date, kept visible'), value: { role: 'date' } },
  ];
}

/** Asks what an unknown digit stands for and writes it into the settings of the document's folder (or the workspace's, or the user's). */
async function definePlaceholder(digit: unknown): Promise<void> {
  const chosenDigit = typeof digit === 'string' && /^[0-9]$/.test(digit) ? digit : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Placeholder digit to define'), validateInput: (v) => (/^[0-9]$/.test(v) ? undefined : vscode.l10n.t('one digit, 0-9')) });
  if (!chosenDigit) return;
  const pick = await vscode.window.showQuickPick(
    roleChoices(),
    { title: vscode.l10n.t("Define placeholder '{0}'", chosenDigit), placeHolder: vscode.l10n.t("What does '{0}' stand for?", chosenDigit) },
  );
  if (!pick) return;
  // The scheme of the corpus being edited: its folder's settings in a multi-root workspace.
  const resource = vscode.window.activeTextEditor?.document.uri;
  const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
  const config = vscode.workspace.getConfiguration('segmentedCorpus', folder?.uri);
  const current = { ...(config.get<Record<string, unknown>>('scheme') ?? {}) };
  current[chosenDigit] = pick.value;
  const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('scheme', current, target);
  const role = (pick.value as { role: PlaceholderRole }).role;
  if (PLACEHOLDER_ROLES.includes(role)) vscode.window.setStatusBarMessage(vscode.l10n.t("Placeholder '{0}' defined as {1}", chosenDigit, pick.label), 3000);
}

export function registerCodeActions(config: CorpusConfiguration, diagnostics: CorpusDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(LANGUAGE_ID, new CorpusCodeActions(config, diagnostics), { providedCodeActionKinds: CorpusCodeActions.kinds }),
    vscode.commands.registerCommand('segmentedCorpus.definePlaceholder', definePlaceholder),
    vscode.commands.registerCommand('segmentedCorpus.fixAll', async () => {
      const editor = await corpusEditorFor('segmentedCorpus.fixAll');
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return false;
      return vscode.workspace.applyEdit(restoreDocumentEdit(editor.document, config));
    }),
  );
}
