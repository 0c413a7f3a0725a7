// The activation shared by the Node and web extension hosts: a table of contents of the features.
import * as vscode from 'vscode';
import { registerLanguageStatus } from './features/languageStatus';

export function activateShared(context: vscode.ExtensionContext): void {
  context.subscriptions.push(registerLanguageStatus());
}
