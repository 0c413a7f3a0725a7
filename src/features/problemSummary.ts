// Seeing every problem: a status bar item when the Problems panel shows only part of a file's, and "Check Whole File", which lists them all.
import * as vscode from 'vscode';
import { checkReport, cliCommandLine, severitySummary } from '../core/commandLine';
import { corpusEditorFor } from './activeCorpus';
import { LANGUAGE_ID } from './configuration';
import { CorpusDiagnostics } from './diagnostics';

export const CHECK_WHOLE_FILE = 'segmentedCorpus.checkWholeFile';

const count = (n: number): string => n.toLocaleString('en-US');

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
    this.item.name = 'Segmented Corpus: problems left out';
    this.item.command = { command: CHECK_WHOLE_FILE, title: 'Check Whole File' };
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
    this.item.text = `$(warning) ${count(summary.shown)} of ${count(summary.total)} problems shown`;
    this.item.tooltip = new vscode.MarkdownString(
      `The Problems panel lists the ${count(summary.shown)} most severe problems of this file ` +
        `(setting \`segmentedCorpus.diagnostics.maxProblems\`); ${count(summary.total - summary.shown)} are left out.\n\n` +
        'Click to list them all: **Check Whole File**.',
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
  channel.appendLine(`Check Whole File: ${file}`);
  channel.appendLine(`${count(total)} problems (${severitySummary(bySeverity)}); the Problems panel shows ${count(shown.length)}, the most severe first.`);
  channel.appendLine(commandLine ? `The same from the command line (default scheme and severities): ${commandLine}` : 'Save the file to check it from the command line (segcorpus check --hints FILE).');
  channel.appendLine('');
  if (report) channel.appendLine(report);
  channel.show(true);
  return { total, shown: shown.length, commandLine, report };
}

export function registerProblemSummary(diagnostics: CorpusDiagnostics): vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Segmented Corpus: Check');
  return vscode.Disposable.from(
    channel,
    new ProblemsLeftOut(diagnostics),
    vscode.commands.registerCommand(CHECK_WHOLE_FILE, () => checkWholeFile(diagnostics, channel)),
  );
}
