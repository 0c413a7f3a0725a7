// Corpus Statistics as activation registers it: the two commands, which load the statistics (statistics.ts) when first run.
import * as vscode from 'vscode';
import type { CorpusConfiguration } from './configuration';
import { Lazy, OnDemandFeatures } from './onDemand';
import type { CorpusFileReader, CorpusStatisticsPages } from './statistics';

export const SHOW_STATISTICS = 'segmentedCorpus.showStatistics';
export const SHOW_WORKSPACE_STATISTICS = 'segmentedCorpus.showWorkspaceStatistics';

/**
 * Registers Show Statistics (from the explorer: the clicked resource and the selection; from a tab
 * or the palette: the active corpus) and Show Workspace Statistics; `pages()` makes the pages if no
 * command has yet. `files`: how the host reads corpus files (default: whole through workspace.fs).
 */
export function registerStatistics(features: OnDemandFeatures, config: CorpusConfiguration, extensionUri: vscode.Uri, files?: CorpusFileReader): { pages: () => CorpusStatisticsPages; disposable: vscode.Disposable } {
  const pages = new Lazy<CorpusStatisticsPages>(() => {
    const statistics = features.statistics();
    return new statistics.CorpusStatisticsPages(config, extensionUri, files ?? statistics.workspaceFileReader);
  });
  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(SHOW_STATISTICS, (clicked?: unknown, selected?: unknown) => pages.get().show(clicked, selected)),
    vscode.commands.registerCommand(SHOW_WORKSPACE_STATISTICS, () => pages.get().showWorkspace()),
    pages,
  );
  return { pages: () => pages.get(), disposable };
}
