// The palette commands: normalize, restore punctuation and copy cleaned text, each one undo step.
import * as vscode from 'vscode';
import { hoverAt } from '../core/hover';
import { splitLines } from '../core/lines';
import { normalizeLine, normalizeText } from '../core/normalize';
import { restoreEdits } from '../core/restore';
import { corpusEditorFor } from './activeCorpus';
import { CLEAN_LANGUAGE_ID, CorpusConfiguration } from './configuration';
import { planFor } from './documentPlan';

/** Documents above this size get a progress notification with a Cancel button. */
const PROGRESS_THRESHOLD = 1 << 20;
/** Lines normalized between two looks at the cancel button. */
const BATCH_LINES = 20000;

interface Command {
  readonly id: string;
  execute(editor: vscode.TextEditor): unknown;
}

/** Normalizes a whole text; big ones in batches, with progress and cancellation. Undefined when cancelled. */
async function normalizeWithProgress(document: vscode.TextDocument, config: CorpusConfiguration, title: string): Promise<string | undefined> {
  const plan = planFor(document, config.settingsFor(document));
  const text = document.getText();
  if (text.length < PROGRESS_THRESHOLD) return normalizeText(text, plan);
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const lines = splitLines(text);
    const out: string[] = [];
    for (let i = 0; i < lines.length; i += BATCH_LINES) {
      if (token.isCancellationRequested) return undefined;
      const end = Math.min(lines.length, i + BATCH_LINES);
      for (let k = i; k < end; k++) out.push(normalizeLine(lines[k].text, plan), lines[k].ending);
      progress.report({ increment: (100 * (end - i)) / lines.length, message: vscode.l10n.t('{0} of {1} lines', end.toLocaleString(), lines.length.toLocaleString()) });
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the cancel button and the UI respond
    }
    return out.join('');
  });
}

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
}

/** The selections to work on: an empty selection stands for its whole line. */
function selectedRanges(editor: vscode.TextEditor): vscode.Range[] {
  return editor.selections.map((s) => (s.isEmpty ? editor.document.lineAt(s.active.line).range : new vscode.Range(s.start, s.end)));
}

class NormalizeDocument implements Command {
  readonly id = 'segmentedCorpus.normalizeDocument';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const document = editor.document;
    const version = document.version;
    const cleaned = await normalizeWithProgress(document, this.config, vscode.l10n.t('Normalizing…'));
    if (cleaned === undefined) return;
    if (this.config.settingsFor(document).normalizeTarget === 'inPlace') {
      if (document.version !== version) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Segmented Corpus: the document changed while it was being normalized; nothing was replaced.'));
        return;
      }
      await editor.edit((edit) => edit.replace(wholeDocument(document), cleaned));
      return;
    }
    const target = await vscode.workspace.openTextDocument({ content: cleaned, language: CLEAN_LANGUAGE_ID });
    await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  }
}

class NormalizeSelection implements Command {
  readonly id = 'segmentedCorpus.normalizeSelection';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const plan = planFor(editor.document, this.config.settingsFor(editor.document));
    const ranges = selectedRanges(editor);
    await editor.edit((edit) => {
      for (const range of ranges) edit.replace(range, normalizeText(editor.document.getText(range), plan));
    });
  }
}

class CopyCleanedSentence implements Command {
  readonly id = 'segmentedCorpus.copyCleanedSentence';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const { scheme, tokenizer } = this.config.settingsFor(editor.document);
    const plan = planFor(editor.document, this.config.settingsFor(editor.document));
    const position = editor.selection.active;
    const line = editor.document.lineAt(position.line).text;
    // Between tokens, take the nearest token before the cursor.
    let info = hoverAt(line, position.character, scheme, plan, tokenizer);
    for (let c = position.character - 1; !info && c >= 0; c--) info = hoverAt(line, c, scheme, plan, tokenizer);
    if (!info) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: no sentence at the cursor.'));
      return;
    }
    await vscode.env.clipboard.writeText(info.cleaned);
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Cleaned sentence copied')}`, 3000);
  }
}

class CopyCleanedSelection implements Command {
  readonly id = 'segmentedCorpus.copyCleanedSelection';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const plan = planFor(editor.document, this.config.settingsFor(editor.document));
    const eol = editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    const parts = selectedRanges(editor).map((range) => normalizeText(editor.document.getText(range), plan));
    await vscode.env.clipboard.writeText(parts.join(eol));
    vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Cleaned selection copied')}`, 3000);
  }
}

/** Restores the placeholders of the given lines (within `ranges`, when given) in one edit. */
async function restore(editor: vscode.TextEditor, config: CorpusConfiguration, ranges: readonly vscode.Range[] | undefined): Promise<number> {
  const document = editor.document;
  const { scheme, tokenizer } = config.settingsFor(document);
  const edits: Array<{ range: vscode.Range; text: string }> = [];
  const lines = new Set<number>();
  for (const range of ranges ?? [wholeDocument(document)]) {
    for (let l = range.start.line; l <= Math.min(range.end.line, document.lineCount - 1); l++) lines.add(l);
  }
  for (const l of [...lines].sort((a, b) => a - b)) {
    // Pairs alternate over the whole line, so the line is read whole even when only part is selected.
    for (const edit of restoreEdits(tokenizer.tokenize(document.lineAt(l).text), scheme)) {
      const range = new vscode.Range(l, edit.offset, l, edit.offset + edit.length);
      if (ranges && !ranges.some((r) => r.contains(range))) continue;
      edits.push({ range, text: edit.text });
    }
  }
  if (edits.length > 0) await editor.edit((builder) => edits.forEach((e) => builder.replace(e.range, e.text)));
  return edits.length;
}

function restoredMessage(count: number): string {
  return count === 1 ? vscode.l10n.t('Restored 1 placeholder') : vscode.l10n.t('Restored {0} placeholders', count);
}

class RestoreDocument implements Command {
  readonly id = 'segmentedCorpus.restorePunctuationDocument';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const count = await restore(editor, this.config, undefined);
    vscode.window.setStatusBarMessage(restoredMessage(count), 3000);
  }
}

class RestoreSelection implements Command {
  readonly id = 'segmentedCorpus.restorePunctuationSelection';
  constructor(private readonly config: CorpusConfiguration) {}

  async execute(editor: vscode.TextEditor): Promise<void> {
    const count = await restore(editor, this.config, selectedRanges(editor));
    vscode.window.setStatusBarMessage(restoredMessage(count), 3000);
  }
}

export function registerCommands(config: CorpusConfiguration): vscode.Disposable {
  const commands: Command[] = [
    new NormalizeDocument(config),
    new NormalizeSelection(config),
    new CopyCleanedSentence(config),
    new CopyCleanedSelection(config),
    new RestoreDocument(config),
    new RestoreSelection(config),
  ];
  return vscode.Disposable.from(
    ...commands.map((command) =>
      vscode.commands.registerCommand(command.id, async () => {
        const editor = await corpusEditorFor(command.id);
        return editor ? command.execute(editor) : undefined;
      }),
    ),
  );
}
