// The activation shared by the Node and web extension hosts: a table of contents of the features.
import * as vscode from 'vscode';
import { registerAutoDetect } from './features/autoDetect';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { CorpusConfiguration } from './features/configuration';
import { CorpusConsistency } from './features/consistency';
import { ConsistencyFixes, registerConsistencyActions } from './features/consistencyActions';
import { CorpusDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerLanguageStatus } from './features/languageStatus';
import { registerPreview } from './features/preview';
import { registerSegmentationActions } from './features/segmentationActions';
import { registerSegmentationCommands } from './features/segmentationCommands';
import { VariationsView, registerVariationsView } from './features/variationsView';
import { WordStatus } from './features/wordStatus';
import { registerProblemSummary } from './features/problemSummary';
import { FileJobEngine } from './features/fileJobEngine';
import { FileJobs, registerFileJobs } from './features/fileJobs';

/** What activate() returns: the parts the integration tests and benchmarks read. */
export interface ExtensionApi {
  readonly consistency: CorpusConsistency;
  readonly variationsView: VariationsView;
  readonly consistencyFixes: ConsistencyFixes;
  readonly fileJobs: FileJobs;
}

/** `fileJobEngine`: how this host reads and writes files for the file jobs (streaming on the desktop, workspace.fs on the web). */
export function activateShared(context: vscode.ExtensionContext, fileJobEngine: FileJobEngine): ExtensionApi {
  const config = new CorpusConfiguration();
  const diagnostics = new CorpusDiagnostics(config);
  const consistency = new CorpusConsistency(config, context.workspaceState);
  const variations = registerVariationsView(consistency);
  const fixes = registerConsistencyActions(consistency);
  const fileJobs = registerFileJobs(config, fileJobEngine);
  context.subscriptions.push(
    config,
    diagnostics,
    registerCodeActions(config, diagnostics),
    registerProblemSummary(diagnostics),
    registerLanguageStatus(),
    registerHover(config),
    registerCommands(config),
    registerPreview(config),
    registerSegmentationCommands(config),
    registerSegmentationActions(config),
    new WordStatus(config),
    registerAutoDetect(context),
    consistency,
    fixes.disposable,
    variations.disposable,
    fileJobs,
  );
  return { consistency, variationsView: variations.view, consistencyFixes: fixes.fixes, fileJobs };
}
