// Timing of Normalize to File… inside the real editor, run by bench/fileJobs.mjs (not a test: it prints figures and asserts only that the job wrote its output).
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './helpers';

const marker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';
/** How often the extension host's resident memory is sampled while the job runs. */
const SAMPLE_MS = 20;
/** The workbench has settled when the extension host uses less than this share of a core over SETTLE_WINDOW_MS… */
const SETTLE_SHARE = 0.05;
const SETTLE_WINDOW_MS = 500;
/** …or after this long, whatever it does. */
const SETTLE_MAX_MS = 20_000;

/**
 * Waits until the extension host is idle: right after the workbench opens, built-in extensions
 * (TypeScript, JSON) start up in the same process, and their work would be timed with the job's.
 */
async function settle(): Promise<void> {
  const until = performance.now() + SETTLE_MAX_MS;
  while (performance.now() < until) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_WINDOW_MS));
    const used = process.cpuUsage(cpu);
    if ((used.user + used.system) / 1000 < SETTLE_SHARE * (performance.now() - started)) return;
  }
}

export async function run(): Promise<void> {
  const input = process.env.SEGCORPUS_BENCH_FILE ?? '';
  const output = process.env.SEGCORPUS_BENCH_OUT ?? '';
  assert.ok(input && output, 'SEGCORPUS_BENCH_FILE and SEGCORPUS_BENCH_OUT name the corpus and the output');
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  await extension.activate();
  const window = vscode.window as unknown as Record<string, unknown>;
  // The save dialog answers with the output; the final message is not waited on.
  Object.assign(window, { showSaveDialog: async () => vscode.Uri.file(output), showInformationMessage: async () => undefined });
  // Warm up on a small file, so loading the job bundle and starting its worker are not timed.
  const warm = `${output}.warm.seg`;
  fs.writeFileSync(warm, 'Chủ_tịch 7 .\n');
  await vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', vscode.Uri.file(warm));
  fs.rmSync(warm);
  fs.rmSync(output, { force: true });
  await settle();
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), SAMPLE_MS);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = (await vscode.commands.executeCommand('segmentedCorpus.normalizeToFile', vscode.Uri.file(input))) as { written: unknown[]; error?: string };
  const ms = performance.now() - started;
  // The whole process's, worker threads included: steadier than wall time on a loaded machine.
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  assert.equal(outcome.error, undefined);
  assert.equal(outcome.written.length, 1);
  console.log(`${marker}file-jobs ${JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, rssBefore: before, rssPeak: peak })}`);
}
