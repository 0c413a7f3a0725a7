// Entry point for the desktop (Node) extension host.
// First import: its clock starts before any other module of the bundle is evaluated.
import { sinceLoadStarted } from './loadClock';
import * as vscode from 'vscode';
import { availableParallelism } from 'os';
import { ExtensionApi, activateShared } from './extension.shared';
import { diskFileReader } from './node/corpusFileReader';
import { featureBundles } from './node/featureBundles';
import { NodeFileJobEngine } from './features/nodeFileJobEngine';
import { openFileBytes } from './node/fileBytes';
import { countThreads } from './node/countThread';

export function activate(context: vscode.ExtensionContext): ExtensionApi & { readonly activation: { wall: number; cpu: number } } {
  // The viewer, the statistics, the file jobs' commands and the consistency check: dist/*.js beside this bundle (dist/extension.js), loaded on first use.
  const onDemand = featureBundles(__dirname);
  // dist/count-worker.js, beside this bundle.
  const threads = countThreads(__dirname);
  context.subscriptions.push(threads);
  const api = activateShared(context, {
    // dist/file-jobs.js sits beside this bundle too.
    fileJobEngine: new NodeFileJobEngine(__dirname),
    files: diskFileReader(() => onDemand.statistics().workspaceFileReader),
    // Files on disk are read by position, never whole; other schemes (virtual file systems) through workspace.fs.
    openBytes: (uri) => (uri.scheme === 'file' ? openFileBytes(uri.fsPath) : onDemand.viewer().readThroughWorkspace(uri)),
    onDemand,
    countThread: (document) => threads.take(document),
    // With two cores or fewer, one is the workbench's (it tokenizes the document meanwhile): the
    // count and the problems' first check of a big document would share the other, and each take
    // twice as long. The count, the shorter, goes first; the check follows when it is done.
    firstCheckWaitsFor: availableParallelism() <= 2 ? (document) => threads.counting(document.uri.toString()) : undefined,
  });
  // Evaluating the bundle and activate(), without reading and compiling the file (the host times those).
  // Added to the API object as it is: spreading it would read (and so load) every feature behind its getters.
  return Object.assign(api, { activation: sinceLoadStarted() });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
