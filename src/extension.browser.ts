// Entry point for the web extension host (vscode.dev, code-server's web worker host).
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { WorkspaceFsEngine } from './features/workspaceFsEngine';
import { readThroughWorkspace } from './features/viewer';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  return activateShared(context, { fileJobEngine: new WorkspaceFsEngine(), openBytes: readThroughWorkspace });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
