// Entry point for the desktop (Node) extension host.
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { diskFileReader } from './node/corpusFileReader';
import { NodeFileJobEngine } from './features/nodeFileJobEngine';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  // dist/file-jobs.js sits beside this bundle (dist/extension.js).
  return activateShared(context, { fileJobEngine: new NodeFileJobEngine(__dirname), files: diskFileReader });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
