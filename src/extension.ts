// Entry point for the desktop (Node) extension host.
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { diskFileReader } from './node/corpusFileReader';
import { NodeFileJobEngine } from './features/nodeFileJobEngine';
import { readThroughWorkspace } from './features/viewer';
import { openFileBytes } from './node/fileBytes';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  return activateShared(context, {
    // dist/file-jobs.js sits beside this bundle (dist/extension.js).
    fileJobEngine: new NodeFileJobEngine(__dirname),
    files: diskFileReader,
    // Files on disk are read by position, never whole; other schemes (virtual file systems) through workspace.fs.
    openBytes: (uri) => (uri.scheme === 'file' ? openFileBytes(uri.fsPath) : readThroughWorkspace(uri)),
  });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
