// Entry point for the web extension host (vscode.dev, code-server's web worker host).
import * as vscode from 'vscode';
import { ExtensionApi, activateShared } from './extension.shared';
import { WorkspaceFsEngine } from './features/workspaceFsEngine';
// A web worker cannot require files: the features the Node host loads from bundles of their own are in this one.
import * as consistency from './features/consistencyParts';
import * as fileJobs from './features/fileJobs';
import * as statistics from './features/statistics';
import * as viewer from './features/viewer';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  return activateShared(context, {
    fileJobEngine: new WorkspaceFsEngine(),
    openBytes: viewer.readThroughWorkspace,
    // Made on first use all the same, as in the Node host.
    onDemand: { viewer: () => viewer, statistics: () => statistics, fileJobs: () => fileJobs, consistency: () => consistency },
  });
}

export function deactivate(): void {
  // Every registration is disposed through context.subscriptions.
}
