// The activation shared by the Node and web extension hosts: a table of contents of the features.
import * as vscode from 'vscode';
import { registerCommands } from './features/commands';
import { CorpusConfiguration } from './features/configuration';
import { registerHover } from './features/hover';
import { registerLanguageStatus } from './features/languageStatus';
import { registerPreview } from './features/preview';

export function activateShared(context: vscode.ExtensionContext): void {
  const config = new CorpusConfiguration();
  context.subscriptions.push(
    config,
    registerLanguageStatus(),
    registerHover(config),
    registerCommands(config),
    registerPreview(config),
  );
}
