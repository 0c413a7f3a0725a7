// Entry point for the desktop (Node) extension host.
import * as vscode from 'vscode';
import { activateShared } from './extension.shared';

export function activate(context: vscode.ExtensionContext): void {
  activateShared(context);
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
