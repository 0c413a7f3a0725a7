// Code actions: quick fixes for placeholders and joins, restore per sentence or line, and the fix-all on save.
import * as vscode from 'vscode';
import { Fix, placeholderFixes, restoreLineFix, tokenFixes } from '../core/actions';
import { FindingCode } from '../core/check';
import { restoreEdits } from '../core/restore';
import { PLACEHOLDER_ROLES, PlaceholderRole } from '../core/scheme';
import { Token } from '../core/tokens';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { CorpusDiagnostics, DIAGNOSTIC_SOURCE } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('segmented-corpus');

function toWorkspaceEdit(document: vscode.TextDocument, line: number, fixes: ReadonlyArray<Pick<Fix, 'edits'>>): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const fix of fixes) {
    for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(line, e.offset, line, e.offset + e.length), e.text);
  }
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

class CorpusCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix, vscode.CodeActionKind.RefactorRewrite, FIX_ALL_KIND];

  constructor(
    private readonly config: CorpusConfiguration,
    private readonly diagnostics: CorpusDiagnostics,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) return [this.fixAll(document)];
    if (only && !only.intersects(vscode.CodeActionKind.QuickFix) && !only.intersects(vscode.CodeActionKind.RefactorRewrite)) return [];
    const actions: vscode.CodeAction[] = [];
    // Only the requested lines are read: a long line is tokenized once, the rest of the document not at all.
    for (let line = range.start.line; line <= range.end.line && line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      const tokens = this.config.settingsFor(document).tokenizer.tokenize(text);
      const from = line === range.start.line ? range.start.character : 0;
      const to = line === range.end.line ? range.end.character : text.length;
      tokens.forEach((token, index) => {
        if (token.end < from || token.start > to) return;
        actions.push(...this.tokenActions(document, line, tokens, index, context));
      });
      const restoreLine = restoreLineFix(tokens, this.config.settingsFor(document).scheme);
      if (restoreLine && actions.length > 0) actions.push(this.action(document, line, restoreLine, vscode.CodeActionKind.RefactorRewrite));
    }
    return actions;
  }

  private tokenActions(document: vscode.TextDocument, line: number, tokens: Token[], index: number, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const { scheme, marks: table } = this.config.settingsFor(document);
    const token = tokens[index];
    const tokenRange = new vscode.Range(line, token.start, line, token.end);
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && d.range.intersection(tokenRange) !== undefined);
    const problems = new Set(ours.map((d) => d.code as FindingCode));
    const about = (codes: readonly FindingCode[]) => ours.filter((d) => codes.includes(d.code as FindingCode));
    const actions: vscode.CodeAction[] = [];

    if (token.digit !== undefined && token.role === 'unknown') {
      const action = new vscode.CodeAction(`Define placeholder '${token.digit}' as…`, vscode.CodeActionKind.QuickFix);
      action.command = { command: 'segmentedCorpus.definePlaceholder', title: action.title, arguments: [token.digit] };
      action.diagnostics = about(['unknown-placeholder']);
      actions.push(action);
    }
    const fixes = tokenFixes(tokens, index, scheme, table, problems);
    const rewrites = fixes.some((f) => f.rewriteIndex !== undefined) ? this.atOtherSelections(document, line, tokens, index) : [];
    for (const { fix, kind, resolves, rewriteIndex } of fixes) {
      const extra = rewriteIndex === undefined ? undefined : this.repeatedAt(document, fix, rewrites, rewriteIndex);
      const vsKind = kind === 'quickfix' ? vscode.CodeActionKind.QuickFix : vscode.CodeActionKind.RefactorRewrite;
      actions.push(this.action(document, line, extra ?? fix, vsKind, about(resolves)));
      // Right after the one break: the same rewrite at every likely break of the file.
      if (resolves.includes('likely-sentence-break')) {
        const all = this.allSentenceBreaks(document);
        if (all.size > 1) {
          const action = new vscode.CodeAction(`End the sentence at all ${all.size} likely breaks in the file`, vscode.CodeActionKind.QuickFix);
          action.edit = new vscode.WorkspaceEdit();
          for (const r of all.values()) action.edit.replace(document.uri, r, '.');
          action.diagnostics = about(['likely-sentence-break']);
          actions.push(action);
        }
      }
    }
    return actions;
  }

  /**
   * The other selections of the active editor that sit on the same digit in the same form as
   * token `index` (multi-cursor): a placeholder rewrite is repeated there, the same choice
   * everywhere the user pointed.
   */
  private atOtherSelections(document: vscode.TextDocument, line: number, tokens: Token[], index: number): Array<{ line: number; tokens: Token[]; index: number }> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== document || editor.selections.length < 2) return [];
    const { tokenizer } = this.config.settingsFor(document);
    const token = tokens[index];
    const targets: Array<{ line: number; tokens: Token[]; index: number }> = [];
    for (const selection of editor.selections) {
      const l = selection.active.line;
      const lineTokens = l === line ? tokens : tokenizer.tokenize(document.lineAt(l).text);
      const i = lineTokens.findIndex((t) => t.start <= selection.active.character && selection.active.character <= t.end);
      if (i < 0 || (l === line && i === index) || lineTokens[i].digit !== token.digit || lineTokens[i].kind !== token.kind) continue;
      targets.push({ line: l, tokens: lineTokens, index: i });
    }
    return targets;
  }

  /** `fix` (the `k`th placeholder rewrite) with the same rewrite at each target, or undefined when there are none. */
  private repeatedAt(document: vscode.TextDocument, fix: Fix, targets: ReadonlyArray<{ line: number; tokens: Token[]; index: number }>, k: number): (Fix & { extra: vscode.WorkspaceEdit }) | undefined {
    if (targets.length === 0) return undefined;
    const extra = new vscode.WorkspaceEdit();
    let count = 1;
    for (const t of targets) {
      const other = placeholderFixes(t.tokens, t.index, this.config.settingsFor(document).scheme)[k];
      if (!other) continue;
      count++;
      for (const e of other.edits) extra.replace(document.uri, new vscode.Range(t.line, e.offset, t.line, e.offset + e.length), e.text);
    }
    return { ...fix, title: count > 1 ? `${fix.title} (${count} selections)` : fix.title, extra };
  }

  private allSentenceBreaks(document: vscode.TextDocument): Map<string, vscode.Range> {
    const ranges = new Map<string, vscode.Range>();
    for (const { line, finding: f } of this.diagnostics.checkerFor(document)?.sentenceBreaks() ?? []) {
      ranges.set(`${line}:${f.start}`, new vscode.Range(line, f.start, line, f.end));
    }
    return ranges;
  }

  private action(document: vscode.TextDocument, line: number, fix: Fix & { extra?: vscode.WorkspaceEdit }, kind: vscode.CodeActionKind, diagnostics: vscode.Diagnostic[] = []): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, kind);
    const edit = toWorkspaceEdit(document, line, [fix]);
    if (fix.extra) for (const [uri, edits] of fix.extra.entries()) edits.forEach((e) => edit.replace(uri, e.range, e.newText));
    action.edit = edit;
    action.isPreferred = fix.preferred === true;
    if (diagnostics.length > 0) action.diagnostics = diagnostics;
    return action;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction {
    const action = new vscode.CodeAction('Restore every placeholder (Segmented Corpus)', FIX_ALL_KIND);
    action.edit = restoreDocumentEdit(document, this.config);
    return action;
  }
}

const ROLE_CHOICES: Array<{ label: string; description: string; value: object }> = [
  { label: 'separator ,', description: 'a comma', value: { role: 'separator', mark: ',', alternatives: [';', ':', '–', '…'] } },
  { label: 'separator ;', description: 'a semicolon', value: { role: 'separator', mark: ';', alternatives: [',', ':'] } },
  { label: 'separator :', description: 'a colon', value: { role: 'separator', mark: ':', alternatives: [',', ';'] } },
  { label: 'separator –', description: 'a dash', value: { role: 'separator', mark: '–', alternatives: [',', '-'] } },
  { label: 'pair “ ”', description: 'quotation marks', value: { role: 'pair', open: '“', close: '”', alternatives: [['(', ')'], ['«', '»']] } },
  { label: 'pair ( )', description: 'brackets', value: { role: 'pair', open: '(', close: ')', alternatives: [['[', ']'], ['“', '”']] } },
  { label: 'number', description: 'a masked number, kept visible', value: { role: 'number' } },
  { label: 'date', description: 'a masked date, kept visible', value: { role: 'date' } },
];

/** Asks what an unknown digit stands for and writes it into the settings of the document's folder (or the workspace's, or the user's). */
async function definePlaceholder(digit: unknown): Promise<void> {
  const chosenDigit = typeof digit === 'string' && /^[0-9]$/.test(digit) ? digit : await vscode.window.showInputBox({ prompt: 'Placeholder digit to define', validateInput: (v) => (/^[0-9]$/.test(v) ? undefined : 'one digit, 0-9') });
  if (!chosenDigit) return;
  const pick = await vscode.window.showQuickPick(
    ROLE_CHOICES.map((c) => ({ label: c.label, description: c.description, value: c.value })),
    { title: `Define placeholder '${chosenDigit}'`, placeHolder: `What does '${chosenDigit}' stand for?` },
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
  if (PLACEHOLDER_ROLES.includes(role)) vscode.window.setStatusBarMessage(`Placeholder '${chosenDigit}' defined as ${pick.label}`, 3000);
}

export function registerCodeActions(config: CorpusConfiguration, diagnostics: CorpusDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(LANGUAGE_ID, new CorpusCodeActions(config, diagnostics), { providedCodeActionKinds: CorpusCodeActions.kinds }),
    vscode.commands.registerCommand('segmentedCorpus.definePlaceholder', definePlaceholder),
    vscode.commands.registerCommand('segmentedCorpus.fixAll', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== LANGUAGE_ID) return false;
      return vscode.workspace.applyEdit(restoreDocumentEdit(editor.document, config));
    }),
  );
}
