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
import { registerSchemeColours } from './features/schemeColours';
import { registerWalkthrough } from './features/walkthrough';
import { CorpusFileReader, CorpusStatisticsPages, workspaceFileReader } from './features/statistics';
import { FileJobEngine } from './features/fileJobEngine';
import { FileJobs, registerFileJobs } from './features/fileJobs';
import { CorpusViewer, OpenBytes, registerViewer } from './features/viewer';

/** What activate() returns: the parts the integration tests and benchmarks read. */
export interface ExtensionApi {
  readonly consistency: CorpusConsistency;
  readonly variationsView: VariationsView;
  readonly consistencyFixes: ConsistencyFixes;
  readonly statistics: CorpusStatisticsPages;
  readonly fileJobs: FileJobs;
  readonly viewer: CorpusViewer;
}

/** What differs between the Node and web extension hosts. */
export interface HostParts {
  /** How the file jobs read and write files: streaming on the desktop, workspace.fs on the web. */
  readonly fileJobEngine: FileJobEngine;
  /** How the statistics read corpus files: streamed from disk in the Node host, through workspace.fs in the web host. */
  readonly files?: CorpusFileReader;
  /** How the viewer reads a file: by position from disk (Node), or whole through workspace.fs (web). */
  readonly openBytes: OpenBytes;
}

export function activateShared(context: vscode.ExtensionContext, host: HostParts): ExtensionApi {
  const config = new CorpusConfiguration();
  const diagnostics = new CorpusDiagnostics(config);
  const consistency = new CorpusConsistency(config, context.workspaceState);
  const variations = registerVariationsView(consistency);
  const fixes = registerConsistencyActions(consistency);
  const statistics = new CorpusStatisticsPages(config, context.extensionUri, host.files ?? workspaceFileReader);
  const fileJobs = registerFileJobs(config, host.fileJobEngine);
  const viewer = registerViewer(context.extensionUri, config, host.openBytes);
  context.subscriptions.push(
    config,
    diagnostics,
    registerCodeActions(config, diagnostics),
    registerProblemSummary(diagnostics),
    registerLanguageStatus(),
    registerHover(config),
    registerSchemeColours(config),
    registerCommands(config),
    registerPreview(config),
    registerSegmentationCommands(config),
    registerSegmentationActions(config),
    new WordStatus(config),
    registerAutoDetect(context),
    registerWalkthrough(context),
    consistency,
    fixes.disposable,
    variations.disposable,
    statistics,
    fileJobs,
    viewer,
  );
  return { consistency, variationsView: variations.view, consistencyFixes: fixes.fixes, statistics, fileJobs, viewer };
}
