// Entry point for the desktop (Node) extension host.
// First import: its clock starts before any other module of the bundle is evaluated.
import { sinceLoadStarted } from './loadClock';
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';

export function activate(context: vscode.ExtensionContext): ExtensionApi & { readonly activation: { wall: number; cpu: number } } {
  const api = activateShared(context);
  // Evaluating the bundle and activate(), without reading and compiling the file (the host times those).
  return { ...api, activation: sinceLoadStarted() };
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
