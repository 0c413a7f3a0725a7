// The activation shared by the Node and web extension hosts: a table of contents of the features.
import * as vscode from 'vscode';
import { registerAutoDetect } from './features/autoDetect';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { CorpusConfiguration } from './features/configuration';
import type { CorpusConsistency } from './features/consistency';
import type { ConsistencyFixes } from './features/consistencyActions';
import { CountThread, registerConsistency } from './features/consistencyRegistration';
import { CorpusDiagnostics } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerLanguageStatus } from './features/languageStatus';
import { registerPreview } from './features/preview';
import { registerSegmentationActions } from './features/segmentationActions';
import { registerSegmentationCommands } from './features/segmentationCommands';
import type { VariationsView } from './features/variationsView';
import { WordStatus } from './features/wordStatus';
import { registerProblemSummary } from './features/problemSummary';
import { registerSchemeColours } from './features/schemeColours';
import { registerWalkthrough } from './features/walkthrough';
import type { CorpusFileReader, CorpusStatisticsPages } from './features/statistics';
import { registerStatistics } from './features/statisticsRegistration';
import { FileJobEngine } from './features/fileJobEngine';
import type { FileJobs } from './features/fileJobs';
import { registerFileJobs } from './features/fileJobsRegistration';
import type { OpenBytes } from './features/viewer';
import { CorpusViewer, registerViewer } from './features/viewerRegistration';
import { OnDemandFeatures } from './features/onDemand';

/**
 * What activate() returns: the parts the integration tests and benchmarks read. Reading one of a
 * feature loaded on first use (consistency, statistics, file jobs) loads it.
 */
export interface ExtensionApi {
  readonly consistency: CorpusConsistency;
  readonly variationsView: VariationsView;
  readonly consistencyFixes: ConsistencyFixes;
  readonly statistics: CorpusStatisticsPages;
  readonly fileJobs: FileJobs;
  readonly viewer: CorpusViewer;
  readonly diagnostics: CorpusDiagnostics;
}

/** What differs between the Node and web extension hosts. */
export interface HostParts {
  /** How the file jobs read and write files: streaming on the desktop, workspace.fs on the web. */
  readonly fileJobEngine: FileJobEngine;
  /** How the statistics read corpus files: streamed from disk in the Node host, through workspace.fs in the web host. */
  readonly files?: CorpusFileReader;
  /** How the viewer reads a file: by position from disk (Node), or whole through workspace.fs (web). */
  readonly openBytes: OpenBytes;
  /** The features registered now and loaded on first use: from bundles of their own in Node, bundled on the web. */
  readonly onDemand: OnDemandFeatures;
  /** Where a big document's consistency count runs: a worker thread in Node; none on the web (slices on the host). */
  readonly countThread?: (document: string) => CountThread;
  /**
   * Whether a document's first check should wait, and for what: in Node, for the thread counting
   * the document's segmentation, when the machine has too few cores for both (src/extension.ts).
   */
  readonly firstCheckWaitsFor?: (document: vscode.TextDocument) => Promise<void> | undefined;
}

export function activateShared(context: vscode.ExtensionContext, host: HostParts): ExtensionApi {
  const config = new CorpusConfiguration();
  const diagnostics = new CorpusDiagnostics(config, host.firstCheckWaitsFor);
  const consistency = registerConsistency(host.onDemand, config, context.workspaceState, host.countThread);
  const statistics = registerStatistics(host.onDemand, config, context.extensionUri, host.files);
  const fileJobs = registerFileJobs(host.onDemand, config, host.fileJobEngine);
  const viewer = registerViewer(host.onDemand, context.extensionUri, config, host.openBytes);
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
    consistency.disposable,
    statistics.disposable,
    fileJobs.disposable,
    viewer,
  );
  return {
    get consistency() {
      return consistency.parts().consistency;
    },
    get variationsView() {
      return consistency.parts().view;
    },
    get consistencyFixes() {
      return consistency.parts().fixes;
    },
    get statistics() {
      return statistics.pages();
    },
    get fileJobs() {
      return fileJobs.jobs();
    },
    viewer,
    diagnostics,
  };
}
