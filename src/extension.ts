// Entry point for the desktop (Node) extension host.
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { diskFileReader } from './node/corpusFileReader';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  return activateShared(context, diskFileReader);
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
