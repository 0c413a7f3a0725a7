// The desktop host's file jobs: files on disk go through the CLI's streaming job (dist/file-jobs.js, loaded on the first job); others through workspace.fs.
import * as path from 'path';
import * as vscode from 'vscode';
import type * as EditorJobs from '../node/editorJobs';
import type * as WorkspaceFsJobs from './workspaceFsEngine';
import { schemeToJson } from '../core/scheme';
import { Settings } from './configuration';
import { CheckOutcome, FileJobEngine, RewriteOp } from './fileJobEngine';

/** The token as the AbortSignal the streaming job stops by. */
function signalOf(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}

// VS Code's display language for the jobs' messages (the CLI's table), not the host's LANG.
function displayLanguage(): 'vi' | 'en' {
  return /^vi\b/i.test(vscode.env.language) ? 'vi' : 'en';
}

export class NodeFileJobEngine implements FileJobEngine {
  private jobs: typeof EditorJobs | undefined;
  private fallbackEngine: FileJobEngine | undefined;

  /** `bundleDir`: where dist/file-jobs.js, dist/workspace-fs-jobs.js and the workers are (beside dist/extension.js). */
  constructor(private readonly bundleDir: string) {}

  // Paths esbuild cannot follow: the job code (checkers, restorer, workers) stays out of the extension's bundle.
  private load(): typeof EditorJobs {
    if (!this.jobs) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.jobs = require(path.join(this.bundleDir, 'file-jobs.js')) as typeof EditorJobs;
      this.jobs.useLanguage(displayLanguage());
    }
    return this.jobs;
  }

  private get fallback(): FileJobEngine {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.fallbackEngine ??= new (require(path.join(this.bundleDir, 'workspace-fs-jobs.js')) as typeof WorkspaceFsJobs).WorkspaceFsEngine();
    return this.fallbackEngine;
  }

  async rewrite(op: RewriteOp, source: vscode.Uri, target: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<void> {
    if (source.scheme !== 'file' || target.scheme !== 'file') return this.fallback.rewrite(op, source, target, settings, report, token);
    const { signal, dispose } = signalOf(token);
    try {
      await this.load().transformFile({ op, input: source.fsPath, output: target.fsPath, scheme: schemeToJson(settings.scheme), options: settings.plan.options }, { onProgress: report, signal });
    } finally {
      dispose();
    }
  }

  async check(source: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<CheckOutcome> {
    if (source.scheme !== 'file') return this.fallback.check(source, settings, report, token);
    const { signal, dispose } = signalOf(token);
    try {
      const request = { input: source.fsPath, scheme: schemeToJson(settings.scheme), options: settings.plan.options, severities: settings.severities, max: settings.maxProblems, language: displayLanguage() };
      return await this.load().checkFile(request, { onProgress: report, signal });
    } finally {
      dispose();
    }
  }
}
