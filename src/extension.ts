// Entry point for the desktop (Node) extension host.
// First import: its clock starts before any other module of the bundle is evaluated.
import { sinceLoadStarted } from './loadClock';
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { diskFileReader } from './node/corpusFileReader';
import { NodeFileJobEngine } from './features/nodeFileJobEngine';
import { readThroughWorkspace } from './features/viewer';
import { openFileBytes } from './node/fileBytes';

export function activate(context: vscode.ExtensionContext): ExtensionApi & { readonly activation: { wall: number; cpu: number } } {
  const api = activateShared(context, {
    // dist/file-jobs.js sits beside this bundle (dist/extension.js).
    fileJobEngine: new NodeFileJobEngine(__dirname),
    files: diskFileReader,
    // Files on disk are read by position, never whole; other schemes (virtual file systems) through workspace.fs.
    openBytes: (uri) => (uri.scheme === 'file' ? openFileBytes(uri.fsPath) : readThroughWorkspace(uri)),
  });
  // Evaluating the bundle and activate(), without reading and compiling the file (the host times those).
  return { ...api, activation: sinceLoadStarted() };
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
