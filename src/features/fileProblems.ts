// The problems Check Corpus Files found in files that are not open: a collection of their own, handed over to the live diagnostics when a file opens.
import * as vscode from 'vscode';
import { Severity } from '../core/check';
import { EDITOR_SYNC_LIMIT, cliCommandLine } from '../core/commandLine';
import { FindingSelection } from '../core/documentCheck';
import { LANGUAGE_ID } from './configuration';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { OPEN_VIEWER_COMMAND } from './viewerRegistration';

/** The code of the first entry of a file whose problems were capped: it says how many are left out. */
export const PROBLEMS_LEFT_OUT = 'problems-left-out';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * A link that opens the viewer at a line (1-based): the Problems panel opens a diagnostic's code
 * target with commands allowed, while the entry itself opens as text, where a file over the sync
 * limit has no extension features.
 */
export function viewerLink(uri: vscode.Uri, line: number): vscode.Uri {
  return vscode.Uri.parse(`command:${OPEN_VIEWER_COMMAND}?${encodeURIComponent(JSON.stringify([uri.toString(), line]))}`);
}

/** Whether the live diagnostics (diagnostics.ts) check this file: it has a corpus document in the extension host. */
export function isOpenCorpus(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && d.languageId === LANGUAGE_ID);
}

/**
 * Separate from the open documents' collection, so the two never overwrite each other: a file
 * checked here loses its entries when it opens (the live diagnostics take over), and a new check
 * of a file replaces its old entries.
 */
export class FileProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-files`);
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.languageId === LANGUAGE_ID) this.collection.delete(document.uri);
    });
  }

  /**
   * Publishes a file's check; returns the cap message when some problems are left out. A file of
   * `bytes` at or over the sync limit gets codes that link to its line in the viewer.
   */
  publish(uri: vscode.Uri, { shown, total }: FindingSelection, bytes = 0): string | undefined {
    const linked = bytes >= EDITOR_SYNC_LIMIT;
    const diagnostics = shown.map(({ line, finding }) => {
      const d = new vscode.Diagnostic(new vscode.Range(line, finding.start, line, finding.end), finding.message, SEVERITY[finding.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = linked ? { value: finding.code, target: viewerLink(uri, line + 1) } : finding.code;
      return d;
    });
    let capped: string | undefined;
    if (total > shown.length) {
      const name = uri.path.split('/').pop() ?? uri.path;
      const commandLine = cliCommandLine(['check', uri.scheme === 'file' ? uri.fsPath : name]);
      capped = vscode.l10n.t('Showing {0} of {1} problems in {2} (the most severe first, segmentedCorpus.diagnostics.maxProblems); run `{3}` for all.', count(shown.length), count(total), name, commandLine);
      // First in the list, so the Problems panel says what it leaves out right where it does.
      const note = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), capped, vscode.DiagnosticSeverity.Information);
      note.source = DIAGNOSTIC_SOURCE;
      note.code = PROBLEMS_LEFT_OUT;
      diagnostics.unshift(note);
    }
    if (diagnostics.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, diagnostics);
    return capped;
  }

  /** The entries of a file, as published (empty once it opened). */
  entries(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
