// Shared steps for the integration tests: polling, fixtures, throwaway documents, settings that are put back.
//
// The workspace of an integration run is test/fixtures itself, so nothing here writes there:
// tests edit untitled copies, and every setting changed is reset in afterEach.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { FEATURE_BUNDLES } from '../../src/node/featureBundles';

export const EXTENSION_ID = 'segmented-corpus.segmented-corpus';
export const LANGUAGE_ID = 'segmented-corpus';
export const SECTION = 'segmentedCorpus';

/** Polls `probe` until it returns something other than undefined (or `true` for booleans); fails after `timeoutMs`. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && (value as unknown) !== false) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration run opens test/fixtures as its workspace');
  return folder;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

/** A fixture's text, read without opening it in an editor. */
export async function fixture(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

/** The sentences of a normalized text (each ends with its full stop). */
export function sentences(normalized: string): string[] {
  return normalized.split(/(?<=\.) /);
}

/**
 * The features whose bundles (dist/*.js, loaded on first use) the extension host has required so
 * far: this test code shares the host's module cache with the extension.
 */
export function loadedFeatures(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  const dist = fs.realpathSync(path.join(extension.extensionPath, 'dist'));
  return Object.entries(FEATURE_BUNDLES)
    .filter(([, { file }]) => require.cache[path.join(dist, file)] !== undefined)
    .map(([feature]) => feature);
}

/** Waits until the extension is active (it activates on the language, i.e. on the first corpus document). */
export async function extensionActive(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded as the extension under development`);
  await eventually(() => extension.isActive, `${EXTENSION_ID} is active`, 10_000);
}

/** Opens test/fixtures/sample.seg (read only by the tests: never edit it). */
export async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri('sample.seg'));
  const editor = await vscode.window.showTextDocument(document);
  await extensionActive();
  return editor;
}

/** An untitled corpus document with `content`, shown and focused: the safe thing to edit. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  const editor = await vscode.window.showTextDocument(document);
  await extensionActive();
  return editor;
}

let corpusFileCount = 0;
const corpusFiles: vscode.Uri[] = [];

/**
 * A corpus file holding `content` in the temp folder (never the workspace), shown and focused; call
 * deleteCorpusFiles after closing the editors. Unlike an untitled document, its name is its own (a
 * new untitled document reuses a closed one's Untitled-N, and under load was seen to come back with
 * the closed one's text), and its text is there as it opens, like a file a person opens.
 */
export async function openCorpusFile(content: string, stem = 'corpus'): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-${stem}-${process.pid}-${++corpusFileCount}.seg`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  corpusFiles.push(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, LANGUAGE_ID, 'a .seg file is a corpus document');
  assert.equal(document.getText(), content);
  const editor = await vscode.window.showTextDocument(document);
  await extensionActive();
  return editor;
}

/** Deletes the files openCorpusFile made (for afterEach, once their editors are closed). */
export async function deleteCorpusFiles(): Promise<void> {
  for (const uri of corpusFiles.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

let scratchCount = 0;

/**
 * An untitled corpus document with a name of its own (`untitled:/<stem>-N.seg`), shown and focused.
 * Plain untitled documents reuse the names Untitled-1, -2... once closed, and so do the URIs
 * derived from them (the clean preview's); a fresh name keeps one test's preview out of the next.
 */
export async function openScratch(content: string, stem = 'scratch'): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/${stem}-${process.pid}-${++scratchCount}.seg` });
  const document = await vscode.workspace.openTextDocument(uri);
  assert.equal(document.languageId, LANGUAGE_ID, 'a .seg name makes it a corpus document');
  const editor = await vscode.window.showTextDocument(document);
  assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)));
  assert.equal(document.getText(), content);
  await extensionActive();
  return editor;
}

/**
 * Closes every editor without a save prompt: dirty untitled documents (copies, normalize results)
 * are reverted and closed one by one, since closing them plainly would open a "Save?" dialog.
 */
export async function closeAllEditors(): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const dirty = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((tab) => tab.isDirty && tab.input instanceof vscode.TabInputText);
    if (!dirty) break;
    const uri = (dirty.input as vscode.TabInputText).uri;
    await vscode.window.showTextDocument(uri, { viewColumn: dirty.group.viewColumn, preview: false });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually(() => vscode.window.tabGroups.all.every((group) => group.tabs.length === 0), 'every editor is closed');
}

/** A `segmentedCorpus.*` setting as the extension host sees it now. */
export function setting<T>(key: string): T | undefined {
  return vscode.workspace.getConfiguration(SECTION).get<T>(key);
}

const changedSettings = new Set<string>();

/**
 * Changes a user setting and waits until the extension host sees it (the extension's own listener
 * runs in the same notification, before getConfiguration returns the new value).
 */
export async function setSetting(key: string, value: unknown): Promise<void> {
  changedSettings.add(key);
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
  const expected = JSON.stringify(value);
  await eventually(() => JSON.stringify(vscode.workspace.getConfiguration(SECTION).inspect(key)?.globalValue) === expected, `${SECTION}.${key} is ${expected}`);
}

/** Puts back every setting changed through setSetting or setLanguageSetting (for afterEach). */
export async function resetSettings(): Promise<void> {
  for (const key of changedSettings) {
    await vscode.workspace.getConfiguration(SECTION).update(key, undefined, vscode.ConfigurationTarget.Global);
    await eventually(() => vscode.workspace.getConfiguration(SECTION).inspect(key)?.globalValue === undefined, `${SECTION}.${key} is reset`);
  }
  changedSettings.clear();
  await resetLanguageSettings();
}

/** The markdown of every hover the providers give at `position`. */
export async function hoverMarkdown(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
}

/**
 * Markdown as a reader sees it: the hover escapes markdown's punctuation with backslashes and `<`,
 * `&` as entities (MarkdownString.appendText also writes spaces as `&nbsp;`). Bold (`<strong>`) and
 * links (`[text](target)`: the text) are removed unless `keepBold`.
 */
export function markdownText(markdown: string, { keepBold = false } = {}): string {
  const withoutBold = keepBold ? markdown : markdown.replace(/<\/?strong>/g, '');
  return withoutBold
    .replace(/(?<!\\)\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
    .replace(/&nbsp;/g, ' ')
    .replace(/\\([\\`*_{}[\]()#+\-.!~>|])/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

/** The bold parts of markdown, as text. */
export function boldParts(markdown: string): string[] {
  return [...markdown.matchAll(/<strong>(.*?)<\/strong>/g)].map((match) => markdownText(match[1]));
}

/**
 * Runs `action` with `vscode.window[name]` replaced by `standIn`, then puts the real one back. The
 * extension and these tests are handed the same `vscode` API object (the tests live inside the
 * extension's folder), so the extension calls the stand-in: how a test answers a dialog.
 */
export async function withWindowStandIn<K extends keyof typeof vscode.window>(name: K, standIn: unknown, action: () => Thenable<unknown>): Promise<void> {
  const window = vscode.window as unknown as Record<string, unknown>;
  const original = window[name];
  window[name] = standIn;
  assert.equal(window[name], standIn, `window.${name} can be replaced`);
  try {
    await action();
  } finally {
    window[name] = original;
  }
}

/** A warning the extension showed, and the buttons it offered. */
export interface ShownWarning {
  readonly message: string;
  readonly items: readonly string[];
}

/**
 * The warnings the extension shows while `action` runs, each answered with the button `answer`
 * (undefined: dismissed). With `waitForOne`, it also waits until one is shown (a command may show
 * it after it returns).
 */
export async function warningsDuring(action: () => Thenable<unknown>, { answer, waitForOne = false }: { answer?: string; waitForOne?: boolean } = {}): Promise<ShownWarning[]> {
  const shown: ShownWarning[] = [];
  const standIn = async (message: string, ...rest: Array<string | vscode.MessageItem | vscode.MessageOptions>) => {
    // After the message: MessageOptions maybe, then the buttons (strings or MessageItems).
    const items = rest.filter((item): item is string | vscode.MessageItem => typeof item === 'string' || 'title' in item);
    shown.push({ message, items: items.map((item) => (typeof item === 'string' ? item : item.title)) });
    return items.find((item) => (typeof item === 'string' ? item : item.title) === answer);
  };
  await withWindowStandIn('showWarningMessage', standIn, async () => {
    await action();
    if (waitForOne) await eventually(() => shown.length > 0 || undefined, 'a warning is shown');
  });
  return shown;
}

/** Runs one of the extension's commands on the active editor. */
export async function run(command: string, ...args: unknown[]): Promise<unknown> {
  return vscode.commands.executeCommand(`${SECTION}.${command}`, ...args);
}

/** Undo in the active editor, waiting until the document's text has changed. */
export async function undo(document: vscode.TextDocument): Promise<void> {
  const before = document.version;
  await vscode.commands.executeCommand('undo');
  await eventually(() => document.version !== before, 'undo changes the document');
}

/** The offsets of the characters in which two equally long texts differ. */
export function differingOffsets(a: string, b: string): number[] {
  assert.equal(a.length, b.length, 'texts of equal length');
  const offsets: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) offsets.push(i);
  return offsets;
}

/** The `source` of the extension's diagnostics. */
export const DIAGNOSTIC_SOURCE = 'segmented-corpus';
const SEVERITY_NAMES = ['error', 'warning', 'information', 'hint'];

/** A diagnostic as `code@line:start-end severity`: easy to compare, and readable in a failure. */
export function problemText(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  const at = start.line === end.line ? `${start.line}:${start.character}-${end.character}` : `${start.line}:${start.character}-${end.line}:${end.character}`;
  return `${String(diagnostic.code)}@${at} ${SEVERITY_NAMES[diagnostic.severity]}`;
}

/** The extension's diagnostics of a document, in document order. */
export function corpusDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .sort((a, b) => a.range.start.compareTo(b.range.start) || a.range.end.compareTo(b.range.end));
}

/** problemText of every diagnostic of the extension, in document order. */
export function problems(uri: vscode.Uri): string[] {
  return corpusDiagnostics(uri).map(problemText);
}

/**
 * Waits until the document's problems are exactly `expected` (any order), then returns them in
 * document order. Diagnostics are debounced after edits, and the sentence-break hints wait for the
 * word statistics, so this polls; on a timeout the assertion shows what was there instead.
 */
export async function problemsBecome(uri: vscode.Uri, expected: readonly string[], timeoutMs = 10_000): Promise<string[]> {
  const want = [...expected].sort();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = problems(uri);
    if (JSON.stringify([...now].sort()) === JSON.stringify(want)) return now;
    if (Date.now() > deadline) assert.deepEqual([...now].sort(), want, `the problems of ${uri.toString()} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The code actions the providers give for `range` (all kinds but source actions, or only `kind`),
 * the first `resolve` of them resolved as the editor does when one is chosen (document-wide
 * actions compute their edit then).
 */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string, resolve = 100): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind, resolve);
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** The action titled `title` (exactly), failing with the titles on offer when there is none. */
export function actionTitled(actions: readonly vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `"${title}" is offered; the actions are: ${JSON.stringify(actions.map((a) => a.title))}`);
  return action;
}

/** Applies a code action's edit the way the editor does (one workspace edit), failing when it has none or it is refused. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" has an edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${action.title}" is applied`);
}

/** The range of the `occurrence`-th `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" #${occurrence} is in the document`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

const changedLanguageSettings = new Set<string>();

/**
 * Changes a user setting of another section for the corpus language only (`"[segmented-corpus]":
 * { "<section>.<key>": value }`), waiting until the extension host sees it; resetSettings puts it back.
 */
export async function setLanguageSetting(section: string, key: string, value: unknown): Promise<void> {
  changedLanguageSettings.add(`${section}\u0000${key}`);
  const config = () => vscode.workspace.getConfiguration(section, { languageId: LANGUAGE_ID });
  await config().update(key, value, vscode.ConfigurationTarget.Global, true);
  const expected = JSON.stringify(value);
  await eventually(() => JSON.stringify(config().inspect(key)?.globalLanguageValue) === expected, `[${LANGUAGE_ID}] ${section}.${key} is ${expected}`);
}

/** Puts back the language settings changed through setLanguageSetting. */
export async function resetLanguageSettings(): Promise<void> {
  for (const entry of changedLanguageSettings) {
    const [section, key] = entry.split('\u0000');
    const config = () => vscode.workspace.getConfiguration(section, { languageId: LANGUAGE_ID });
    await config().update(key, undefined, vscode.ConfigurationTarget.Global, true);
    await eventually(() => config().inspect(key)?.globalLanguageValue === undefined, `[${LANGUAGE_ID}] ${section}.${key} is reset`);
  }
  changedLanguageSettings.clear();
}
