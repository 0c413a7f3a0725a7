// The viewer as activation registers it: the custom editor and its command, which load the viewer (viewer.ts) when a file is first opened in it.
import * as vscode from 'vscode';
import type { CorpusConfiguration } from './configuration';
import { Lazy, OnDemandFeatures } from './onDemand';
import type { OpenBytes, OpenViewer, PostedMessage, ViewerDocument, ViewerProvider } from './viewer';

export const VIEW_TYPE = 'segmentedCorpus.viewer';
export const OPEN_VIEWER_COMMAND = 'segmentedCorpus.openViewer';

/** What the integration tests and the benchmark read: the open viewers and what they are sent. */
export interface CorpusViewer extends vscode.Disposable {
  readonly openViewers: () => readonly OpenViewer[];
  readonly onDidPost: vscode.Event<PostedMessage>;
}

/**
 * Registers the viewer and `segmentedCorpus.openViewer(uri?, line?)` (see openViewer in viewer.ts).
 * The editor is registered now, as `onCustomEditor` activation needs; its provider is made when
 * VS Code first opens a file in it.
 */
export function registerViewer(features: OnDemandFeatures, extensionUri: vscode.Uri, config: CorpusConfiguration, openBytes: OpenBytes): CorpusViewer {
  const provider = new Lazy<ViewerProvider>(() => new (features.viewer().ViewerProvider)(extensionUri, config, openBytes));
  const editor: vscode.CustomReadonlyEditorProvider<ViewerDocument> = {
    openCustomDocument: (uri) => provider.get().openCustomDocument(uri),
    resolveCustomEditor: (document, panel) => provider.get().resolveCustomEditor(document, panel),
  };
  const registration = vscode.window.registerCustomEditorProvider(
    VIEW_TYPE,
    editor,
    {
      // Hidden viewers are dropped and rebuilt from their saved state (setState): a webview kept alive holds its DOM.
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    },
  );
  const command = vscode.commands.registerCommand(OPEN_VIEWER_COMMAND, (file?: unknown, line?: unknown) => features.viewer().openViewer(provider.get(), file, line));
  return Object.assign(vscode.Disposable.from(registration, command, provider), {
    openViewers: () => provider.made?.openViewers() ?? [],
    onDidPost: (listener: (message: PostedMessage) => unknown, thisArg?: unknown, disposables?: vscode.Disposable[]) => provider.get().posted.event(listener, thisArg, disposables),
  });
}
