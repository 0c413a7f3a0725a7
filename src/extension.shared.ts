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
import { CorpusViewer, OpenBytes, registerViewer } from './features/viewer';

/** What activate() returns: the parts the integration tests and benchmarks read. */
export interface ExtensionApi {
  readonly consistency: CorpusConsistency;
  readonly variationsView: VariationsView;
  readonly consistencyFixes: ConsistencyFixes;
  readonly viewer: CorpusViewer;
}

/** What differs between the Node and web extension hosts. */
export interface HostParts {
  /** How the viewer reads a file: by position from disk (Node), or whole through workspace.fs (web). */
  readonly openBytes: OpenBytes;
}

export function activateShared(context: vscode.ExtensionContext, host: HostParts): ExtensionApi {
  const config = new CorpusConfiguration();
  const diagnostics = new CorpusDiagnostics(config);
  const consistency = new CorpusConsistency(config, context.workspaceState);
  const variations = registerVariationsView(consistency);
  const fixes = registerConsistencyActions(consistency);
  const viewer = registerViewer(context.extensionUri, config, host.openBytes);
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
    viewer,
  );
  return { consistency, variationsView: variations.view, consistencyFixes: fixes.fixes, viewer };
}
