// The workspace.fs engine of the file jobs: the web host's, and the desktop host's for files on virtual file systems (there loaded with the job bundle).
import * as vscode from 'vscode';
import { BreakWords } from '../core/check';
import { ByteRestorer } from '../core/byteRestorer';
import { FileChecker } from '../core/fileCheck';
import { textProblem } from '../core/inputText';
import { splitLines } from '../core/lines';
import { LineChunker } from '../core/lineChunker';
import { normalizeBytes, withBreakWords } from '../core/normalize';
import { Settings } from './configuration';
import { CheckOutcome, FileJobEngine, RewriteOp, WORKSPACE_FS_MAX_BYTES, displayPath } from './fileJobEngine';

/** Bytes transformed between two looks at the Cancel button. */
const SLICE_BYTES = 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Whole files through workspace.fs, with the string normalizer: no threads, no WebAssembly, no
 * streaming writes, so it takes files up to WORKSPACE_FS_MAX_BYTES and works in small slices
 * between which the host (and the Cancel button) gets its turn.
 */
export class WorkspaceFsEngine implements FileJobEngine {
  async rewrite(op: RewriteOp, source: vscode.Uri, target: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<void> {
    const { bom, body } = await this.readText(source);
    let plan = settings.plan;
    if (op === 'normalize' && plan.options.inferSentenceBreaks) {
      const words = new BreakWords();
      for (const line of splitLines(new TextDecoder().decode(body))) words.addLine(settings.tokenizer.tokenize(line.text));
      plan = withBreakWords(plan, words.words());
    }
    const restorer = op === 'restore' ? new ByteRestorer(settings.scheme) : undefined;
    const transform = (run: Uint8Array, afterLoneCr: boolean): Uint8Array => (restorer ? restorer.restoreChunk(run) : normalizeBytes(run, plan, afterLoneCr));
    const parts: Uint8Array[] = [bom];
    await this.inSlices(body, bom.length, report, token, (run, afterLoneCr) => parts.push(transform(run, afterLoneCr)));
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    await vscode.workspace.fs.writeFile(target, concat(parts));
  }

  async check(source: vscode.Uri, settings: Settings, report: (bytesRead: number) => void, token: vscode.CancellationToken): Promise<CheckOutcome> {
    const { bom, body } = await this.readText(source);
    const checker = new FileChecker(settings.scheme, settings.severities, settings.plan, settings.maxProblems);
    await this.inSlices(body, bom.length, report, token, (run) => checker.addLines(run));
    return { selection: checker.selection(), lines: checker.lineCount };
  }

  /** The file, refused above the cap or when it is not UTF-8 text (the CLI's messages), its BOM split off. */
  private async readText(source: vscode.Uri): Promise<{ bom: Uint8Array; body: Uint8Array }> {
    const name = displayPath(source);
    const { size } = await vscode.workspace.fs.stat(source);
    if (size > WORKSPACE_FS_MAX_BYTES) {
      throw new Error(
        vscode.l10n.t(
          '{0} is {1} MB; here file jobs read files of up to {2} MB (the desktop app and the segcorpus command line read any size).',
          name,
          (size / 1e6).toFixed(0),
          (WORKSPACE_FS_MAX_BYTES / 1e6).toFixed(0),
        ),
      );
    }
    const bytes = await vscode.workspace.fs.readFile(source);
    const problem = textProblem(bytes, name);
    if (problem) throw new Error(problem);
    const hasBom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
    return { bom: bytes.subarray(0, hasBom ? 3 : 0), body: bytes.subarray(hasBom ? 3 : 0) };
  }

  /** Feeds `body` as runs of whole lines, a slice at a time, yielding to the host between two. */
  private async inSlices(body: Uint8Array, offset: number, report: (bytesRead: number) => void, token: vscode.CancellationToken, onRun: (run: Uint8Array, afterLoneCr: boolean) => void): Promise<void> {
    const chunker = new LineChunker();
    for (let at = 0; at < body.length; at += SLICE_BYTES) {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const end = Math.min(body.length, at + SLICE_BYTES);
      const run = chunker.push(body.subarray(at, end));
      if (run.length > 0) onRun(run, chunker.startsAfterLoneCr);
      report(offset + end);
      await pause();
    }
    const last = chunker.end();
    if (last.length > 0) onRun(last, chunker.startsAfterLoneCr);
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
