// Timing of consistency inside the real editor, run by bench/consistencyEditor.mjs (not a test: it prints figures and asserts only the results).
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension.shared';
import { EXTENSION_ID, eventually, extensionActive } from './helpers';

const EDITS = 7;
const QUICK_FIX_RUNS = 5;
const marker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';

function api(): ExtensionApi {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive);
  return extension.exports;
}

/** The plain JavaScript way to count the words of a document: split every line on spaces into a Map. */
function wordCount(document: vscode.TextDocument): number {
  const counts = new Map<string, number>();
  for (let l = 0; l < document.lineCount; l++) for (const word of document.lineAt(l).text.split(' ')) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts.size;
}

async function figuresFor(file: string): Promise<Record<string, unknown>> {
  const consistency = api().consistency;
  const started = performance.now();
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const editor = await vscode.window.showTextDocument(document);
  await consistency.settled(120_000);
  console.log(`${marker}consistency-editor: ${file} counted`);
  const firstPassWall = performance.now() - started;
  const firstPass = consistency.timings.count;
  const firstPassBusy = consistency.timings.countBusy;
  const firstPassCpu = consistency.timings.countCpu;
  // The other rules' first check of the same document, which ran beside the count (or after it: see extension.ts).
  const firstCheck = await eventually(() => api().diagnostics.firstCheckOf(document), 'the problems of the other rules are checked', 120_000);
  const baselineStarted = performance.now();
  const baselineStartedCpu = process.cpuUsage();
  wordCount(document);
  const baseline = performance.now() - baselineStarted;
  const baselineCpuUsage = process.cpuUsage(baselineStartedCpu);
  const baselineCpu = (baselineCpuUsage.user + baselineCpuUsage.system) / 1000;
  const problems = vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'inconsistent-segmentation').length;
  assert.ok(problems > 0, 'the generated corpus has inconsistent segmentation');

  // One-line edits: split a joiner of a compound in a middle line, then put it back (no new compound either way).
  const line = Math.floor(document.lineCount / 2);
  const joiner = document.lineAt(line).text.indexOf('_');
  assert.ok(joiner > 0, 'the middle line has a compound');
  const edits: number[] = [];
  const updates: number[] = [];
  for (let k = 0; k < EDITS; k++) {
    const range = new vscode.Range(line, joiner, line, joiner + 1);
    assert.ok(await editor.edit((b) => b.replace(range, k % 2 === 0 ? ' ' : '_')));
    await consistency.settled(120_000);
    edits.push(consistency.timings.edit);
    updates.push(consistency.timings.update);
  }
  console.log(`${marker}consistency-editor: ${file} edited`);
  // Ctrl+A and Ctrl+.: this extension's consistency quick fixes asked for the whole document, with
  // every problem in it (the provider alone: the workbench also asks the placeholder fixes).
  const everything = new vscode.Range(0, 0, document.lineCount - 1, document.lineAt(document.lineCount - 1).text.length);
  const diagnostics = vscode.languages.getDiagnostics(document.uri);
  const context: vscode.CodeActionContext = { diagnostics, only: vscode.CodeActionKind.QuickFix, triggerKind: vscode.CodeActionTriggerKind.Invoke };
  const quickFixes: number[] = [];
  let offered = 0;
  const source = new vscode.CancellationTokenSource();
  for (let k = 0; k < QUICK_FIX_RUNS; k++) {
    const t = performance.now();
    const actions = api().consistencyFixes.provideCodeActions(document, everything, context, source.token);
    quickFixes.push(performance.now() - t);
    offered = actions.length;
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  return {
    chars: document.getText().length,
    lines: document.lineCount,
    problems,
    diagnostics: diagnostics.length,
    firstPass,
    firstPassBusy,
    firstPassCpu,
    firstPassWall,
    firstCheck: firstCheck.ms,
    firstCheckWaited: firstCheck.waitedMs,
    baseline,
    baselineCpu,
    edit: sorted(edits),
    update: sorted(updates),
    quickFixes: sorted(quickFixes),
    offered,
  };
}

/** The extension host runs this as its tests (extensionTestsPath). */
export async function run(): Promise<void> {
  const files = (process.env.SEGCORPUS_BENCH_FILES ?? '').split(',').filter((f) => f !== '');
  assert.ok(files.length > 0, 'SEGCORPUS_BENCH_FILES names the corpus files to open');
  // Opening a corpus document activates the extension; a small one first, so activation is not timed.
  const warm = await vscode.workspace.openTextDocument({ language: 'segmented-corpus', content: 'nâng_cao .' });
  await vscode.window.showTextDocument(warm);
  await extensionActive();
  await api().consistency.settled();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  const figures: Record<string, unknown> = {};
  for (const file of files) figures[file] = await figuresFor(file);
  console.log(`${marker}consistency-editor ${JSON.stringify(figures)}`);
}
