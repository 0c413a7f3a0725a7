// How a file job reads and writes: what each host provides (workspaceFsEngine.ts, nodeFileJobEngine.ts).
import * as vscode from 'vscode';
import { FindingSelection } from '../core/documentCheck';
import { Settings } from './configuration';

export type RewriteOp = 'normalize' | 'restore';

/**
 * The largest file the workspace.fs engine reads. It holds the file, its text and the output in
 * memory at once (a browser tab's worker, or the extension host), so it stops well below what a
 * tab can take; the desktop host streams files of any size instead. The README says so.
 */
export const WORKSPACE_FS_MAX_BYTES = 32 * 1024 * 1024;

export interface CheckOutcome {
  readonly selection: FindingSelection;
  readonly lines: number;
}

/** Reads, rewrites and checks files; reports the bytes read so far; throws an Error whose message is one line for the user. */
export interface FileJobEngine {
  rewrite(op: RewriteOp, source: vscode.Uri, target: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<void>;
  check(source: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<CheckOutcome>;
}

/** A file's name as messages give it: its path on disk, else the path in its file system. */
export function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}
