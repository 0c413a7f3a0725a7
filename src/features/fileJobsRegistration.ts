// The file jobs as activation registers them: their three commands, which load the jobs (fileJobs.ts) when one first runs.
import * as vscode from 'vscode';
import type { CorpusConfiguration } from './configuration';
import type { FileJobEngine } from './fileJobEngine';
import type { FileJobs } from './fileJobs';
import { Lazy, OnDemandFeatures } from './onDemand';

export const NORMALIZE_TO_FILE = 'segmentedCorpus.normalizeToFile';
export const RESTORE_TO_FILE = 'segmentedCorpus.restoreToFile';
export const CHECK_CORPUS_FILES = 'segmentedCorpus.checkCorpusFiles';

/** Registers Normalize to File…, Restore Punctuation to File… and Check Corpus Files with the host's engine; `jobs()` makes the jobs if no command has yet. */
export function registerFileJobs(features: OnDemandFeatures, config: CorpusConfiguration, engine: FileJobEngine): { jobs: () => FileJobs; disposable: vscode.Disposable } {
  const jobs = new Lazy<FileJobs>(() => new (features.fileJobs().FileJobs)(config, engine));
  const disposable = vscode.Disposable.from(
    vscode.commands.registerCommand(NORMALIZE_TO_FILE, (uri: unknown, uris: unknown) => jobs.get().rewrite('normalize', uri, uris)),
    vscode.commands.registerCommand(RESTORE_TO_FILE, (uri: unknown, uris: unknown) => jobs.get().rewrite('restore', uri, uris)),
    vscode.commands.registerCommand(CHECK_CORPUS_FILES, (uri: unknown, uris: unknown) => jobs.get().check(uri, uris)),
    jobs,
  );
  return { jobs: () => jobs.get(), disposable };
}
