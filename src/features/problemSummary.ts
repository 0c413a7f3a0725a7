// Seeing every problem: a status bar item when the Problems panel shows only part of a file's, and "Check Whole File", which lists them all.
import * as vscode from 'vscode';
import { Severity } from '../core/check';
import { checkReport, cliCommandLine } from '../core/commandLine';
import { corpusEditorFor } from './activeCorpus';
import { LANGUAGE_ID } from './configuration';
import { CorpusDiagnostics } from './diagnostics';

export const CHECK_WHOLE_FILE = 'segmentedCorpus.checkWholeFile';

const count = (n: number): string => n.toLocaleString('en-US');

/** "3 errors, 1 warning, 120 hints" in the display language: the non-zero counts, most severe first. */
function severitySummary(bySeverity: Readonly<Record<Severity, number>>): string {
  const said: Record<Severity, (n: number) => string> = {
    error: (n) => (n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', count(n))),
    warning: (n) => (n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', count(n))),
    information: (n) => vscode.l10n.t('{0} information', count(n)),
    hint: (n) => (n === 1 ? vscode.l10n.t('1 hint') : vscode.l10n.t('{0} hints', count(n))),
  };
  const parts = (Object.keys(said) as Severity[]).filter((s) => bySeverity[s] > 0).map((s) => said[s](bySeverity[s]));
  return parts.length > 0 ? parts.join(', ') : vscode.l10n.t('no problems');
}

/** What Check Whole File found, as it returns it (the integration tests read it). */
export interface WholeFileCheck {
  readonly total: number;
  readonly shown: number;
  readonly commandLine: string | undefined;
  readonly report: string;
}

/** Shown while the active corpus file has more problems than the Problems panel lists. */
class ProblemsLeftOut implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('segmentedCorpus.problemsLeftOut', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly diagnostics: CorpusDiagnostics) {
    this.item.name = vscode.l10n.t('Segmented Corpus: problems left out');
    this.item.command = { command: CHECK_WHOLE_FILE, title: vscode.l10n.t('Check Whole File') };
    vscode.window.onDidChangeActiveTextEditor(() => this.update(), null, this.subscriptions);
    diagnostics.onDidChangeSummary(() => this.update(), null, this.subscriptions);
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const summary = document && document.languageId === LANGUAGE_ID ? this.diagnostics.summaryFor(document) : undefined;
    if (!summary || summary.shown >= summary.total) {
      this.item.hide();
      return;
    }
    this.item.text = `$(warning) ${vscode.l10n.t('{0} of {1} problems shown', count(summary.shown), count(summary.total))}`;
    this.item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t(
        'The Problems panel lists the {0} most severe problems of this file (setting `{1}`); {2} are left out.',
        count(summary.shown),
        'segmentedCorpus.diagnostics.maxProblems',
        count(summary.total - summary.shown),
      ) +
        '\n\n' +
        vscode.l10n.t('Click to list them all: **Check Whole File**.'),
    );
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}

/**
 * Lists every problem of the active corpus file in the output channel, in the CLI's format (the
 * output panel makes `file:line:column` a link), with the command line that checks it the same way.
 */
async function checkWholeFile(diagnostics: CorpusDiagnostics, channel: vscode.OutputChannel): Promise<WholeFileCheck | undefined> {
  const editor = await corpusEditorFor(CHECK_WHOLE_FILE);
  if (!editor) return undefined;
  const { document } = editor;
  const { all, total, shown, bySeverity } = diagnostics.wholeFile(document);
  const file = document.uri.scheme === 'file' ? document.uri.fsPath : document.uri.toString();
  const commandLine = document.uri.scheme === 'file' ? cliCommandLine(['check', '--hints', document.uri.fsPath]) : undefined;
  const report = checkReport(file, all);
  channel.clear();
  // The problems themselves are in the CLI's format and words, so the two outputs can be compared.
  channel.appendLine(vscode.l10n.t('Check Whole File: {0}', file));
  channel.appendLine(vscode.l10n.t('{0} problems ({1}); the Problems panel shows {2}, the most severe first.', count(total), severitySummary(bySeverity), count(shown.length)));
  channel.appendLine(commandLine ? vscode.l10n.t('The same from the command line (default scheme and severities): {0}', commandLine) : vscode.l10n.t('Save the file to check it from the command line ({0}).', 'segcorpus check --hints FILE'));
  channel.appendLine('');
  if (report) channel.appendLine(report);
  channel.show(true);
  return { total, shown: shown.length, commandLine, report };
}

export function registerProblemSummary(diagnostics: CorpusDiagnostics): vscode.Disposable {
  const channel = vscode.window.createOutputChannel(vscode.l10n.t('Segmented Corpus: Check'));
  return vscode.Disposable.from(
    channel,
    new ProblemsLeftOut(diagnostics),
    vscode.commands.registerCommand(CHECK_WHOLE_FILE, () => checkWholeFile(diagnostics, channel)),
  );
}
