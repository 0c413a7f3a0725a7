// A .txt that looks like a segmented corpus opens as one, by the autoDetect setting; a file put back to Plain Text stays so (Rainbow CSV's #26).
import * as assert from 'assert/strict';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, SECTION, closeAllEditors, eventually, extensionActive, fixture, resetSettings, setSetting, workspaceFolder } from './helpers';

const ANSWER_COMMAND = 'segmentedCorpus.autoDetect.answer';
const PLAIN_TEXT = 'plaintext';

// Debian's GPL-3 (/usr/share/common-licenses), as a .txt a person might open.
const ENGLISH = `The GNU General Public License is a free, copyleft license for software and other kinds of works.

The licenses for most software and other practical works are designed to take away your freedom to share and change the works. By contrast, the GNU General Public License is intended to guarantee your freedom to share and change all versions of a program--to make sure it remains free software for all its users.
`;

let fileCount = 0;
const files: vscode.Uri[] = [];

/** A new .txt file in the temp folder holding `content` (never the workspace); deleted after each test. */
async function textFile(content: string, stem: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-detect-${stem}-${process.pid}-${++fileCount}.txt`));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  files.push(uri);
  return uri;
}

/**
 * Opens a file in an editor, as a person does (through the workbench: a document the extension
 * host opened itself is held for minutes after its editor closes); returns its document.
 */
async function show(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri, { preview: false });
  return eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.document, `${path.basename(uri.path)} is shown`);
}

/** The language the editor has for `uri` now (the document object keeps its identity across a change). */
function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

async function becomes(uri: vscode.Uri, languageId: string, what = `${path.basename(uri.path)} is ${languageId}`): Promise<void> {
  await eventually(() => languageOf(uri) === languageId, what);
}

/** Closes every editor and waits until the file's document is really gone from the extension host. */
async function closeFile(uri: vscode.Uri): Promise<void> {
  await closeAllEditors();
  await eventually(() => !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), `${path.basename(uri.path)} is closed`, 15_000);
}

/**
 * Waits until the extension has looked at every document on screen: a segmented file opened after
 * them under `always` is switched only once the ones before it have been judged.
 */
async function afterJudging(sample: string): Promise<void> {
  const marker = await textFile(sample, 'marker');
  await show(marker);
  await becomes(marker, LANGUAGE_ID, 'a segmented file opened after them is switched');
}

describe('auto-detect segmented text', () => {
  let sample: string;

  before(async () => {
    sample = await fixture('sample.seg');
    // The extension wakes on any plain-text document, which is what these tests open.
    await show(await textFile(ENGLISH, 'wake'));
    await extensionActive();
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    for (const uri of files.splice(0)) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('always: a segmented .txt opens as a Segmented Corpus', async () => {
    await setSetting('autoDetect', 'always');
    const uri = await textFile(sample + '\n' + sample + '\n', 'always');
    const document = await show(uri);
    assert.equal(document.languageId, PLAIN_TEXT, 'a .txt opens as plain text');
    await becomes(uri, LANGUAGE_ID);
  });

  it('always: an untitled plain-text document with a corpus pasted in becomes one', async () => {
    await setSetting('autoDetect', 'always');
    const document = await vscode.workspace.openTextDocument({ language: PLAIN_TEXT, content: sample });
    await vscode.window.showTextDocument(document);
    await eventually(() => document.languageId === LANGUAGE_ID, 'the untitled document is a corpus');
  });

  it('always: a plain English .txt and the normalized sample are left alone', async () => {
    await setSetting('autoDetect', 'always');
    const english = await textFile(ENGLISH, 'english');
    const normalized = await textFile(await fixture('sample.normalized.txt'), 'normalized');
    await show(english);
    await show(normalized);
    await afterJudging(sample);
    assert.equal(languageOf(english), PLAIN_TEXT);
    assert.equal(languageOf(normalized), PLAIN_TEXT);
  });

  it('never: a segmented .txt stays plain text, and follows the setting when it changes', async () => {
    await setSetting('autoDetect', 'never');
    const uri = await textFile(sample, 'never');
    await show(uri);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(languageOf(uri), PLAIN_TEXT, 'never switched');
    // It was looked at and left because of the setting, not because it was missed.
    await setSetting('autoDetect', 'always');
    await show(await textFile(ENGLISH, 'elsewhere'));
    await show(uri);
    await becomes(uri, LANGUAGE_ID, 'switched once the setting says always');
  });

  it('ask: nothing changes until answered; "Open as Segmented Corpus" switches the file and is kept across reopening', async () => {
    const uri = await textFile(sample, 'ask');
    await show(uri);
    // The question waits in the notification centre; the file is not switched meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(languageOf(uri), PLAIN_TEXT, 'not switched without an answer');

    // The notification's button runs this command (read the notification itself in test/e2e/autoDetect.e2e.mjs).
    await vscode.commands.executeCommand(ANSWER_COMMAND, uri, 'open');
    await becomes(uri, LANGUAGE_ID);

    await closeFile(uri);
    await show(uri);
    await becomes(uri, LANGUAGE_ID, 'the reopened file is a corpus again');
  });

  it('a file put back to Plain Text is never switched again, even with always (Rainbow CSV #26)', async () => {
    await setSetting('autoDetect', 'always');
    const uri = await textFile(sample, 'back');
    const document = await show(uri);
    await becomes(uri, LANGUAGE_ID);

    // The person picks Plain Text in the language picker.
    await vscode.languages.setTextDocumentLanguage(document, PLAIN_TEXT);
    await afterJudging(sample);
    assert.equal(languageOf(uri), PLAIN_TEXT, 'left as the person set it');

    await closeFile(uri);
    await show(uri);
    await afterJudging(sample);
    assert.equal(languageOf(uri), PLAIN_TEXT, 'still plain text after reopening');
  });

  it('a .txt the person opened as a Segmented Corpus by hand reopens as one', async () => {
    await setSetting('autoDetect', 'never');
    const uri = await textFile(sample, 'by-hand');
    await vscode.languages.setTextDocumentLanguage(await show(uri), LANGUAGE_ID);
    await closeFile(uri);
    await show(uri);
    await becomes(uri, LANGUAGE_ID, 'the reopened file is a corpus again');
  });

  it('ask: "Always for this workspace" switches the file and writes the workspace setting', async () => {
    const settingsFolder = vscode.Uri.joinPath(workspaceFolder().uri, '.vscode');
    const hadSettingsFolder = await vscode.workspace.fs.stat(settingsFolder).then(
      () => true,
      () => false,
    );
    const config = () => vscode.workspace.getConfiguration(SECTION);
    try {
      const uri = await textFile(sample, 'always-answer');
      await show(uri);
      await vscode.commands.executeCommand(ANSWER_COMMAND, uri, 'always');
      await becomes(uri, LANGUAGE_ID);
      assert.equal(config().inspect('autoDetect')?.workspaceValue, 'always');

      const next = await textFile(sample, 'always-next');
      await show(next);
      await becomes(next, LANGUAGE_ID, 'the next segmented file switches without a question');
    } finally {
      await config().update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
      await eventually(() => config().inspect('autoDetect')?.workspaceValue === undefined, 'the workspace setting is removed');
      // The workspace is test/fixtures: leave it as it was.
      if (!hadSettingsFolder) await vscode.workspace.fs.delete(settingsFolder, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
