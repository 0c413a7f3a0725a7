// Entry point for the desktop (Node) extension host.
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { readThroughWorkspace } from './features/viewer';
import { openFileBytes } from './node/fileBytes';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  return activateShared(context, {
    // Files on disk are read by position, never whole; other schemes (virtual file systems) through workspace.fs.
    openBytes: (uri) => (uri.scheme === 'file' ? openFileBytes(uri.fsPath) : readThroughWorkspace(uri)),
  });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
