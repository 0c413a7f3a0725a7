// The activation shared by the Node and web extension hosts: a table of contents of the features.
import * as vscode from 'vscode';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { CorpusConfiguration } from './features/configuration';
import { CorpusDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerLanguageStatus } from './features/languageStatus';
import { registerPreview } from './features/preview';
import { registerProblemSummary } from './features/problemSummary';

export function activateShared(context: vscode.ExtensionContext): void {
  const config = new CorpusConfiguration();
  const diagnostics = new CorpusDiagnostics(config);
  context.subscriptions.push(
    config,
    diagnostics,
    registerCodeActions(config, diagnostics),
    registerProblemSummary(diagnostics),
    registerLanguageStatus(),
    registerHover(config),
    registerCommands(config),
    registerPreview(config),
  );
}
