// Hovering a corpus line shows its sentence cleaned, the hovered word in bold; a placeholder says what it stands for.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { boldParts, closeAllEditors, fixture, hoverMarkdown, markdownText, openSample, resetSettings, sentences, setSetting } from './helpers';

describe('hover', () => {
  let sample: vscode.TextDocument;
  let text: string;
  let cleanedSentences: string[];

  before(async () => {
    cleanedSentences = sentences(await fixture('sample.normalized.txt'));
    assert.ok(cleanedSentences[0].endsWith('tổ chức.'), 'the first cleaned sentence of the fixture');
  });

  beforeEach(async () => {
    sample = (await openSample()).document;
    text = sample.getText();
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  /** Hovers the `occurrence`-th match of `needle` in the sample, `into` characters in; the markdown of every hover. */
  function hoverOn(needle: string, { occurrence = 0, into = 1 } = {}): Promise<string[]> {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" #${occurrence} is in the sample`);
    return hoverMarkdown(sample.uri, sample.positionAt(offset + into));
  }

  it('shows the cleaned sentence with the hovered word in bold', async () => {
    const hovers = await hoverOn('Chủ_tịch', { into: 3 });
    assert.equal(hovers.length, 1, `one hover: ${JSON.stringify(hovers)}`);
    assert.equal(markdownText(hovers[0]), cleanedSentences[0]);
    assert.ok(markdownText(hovers[0], { keepBold: true }).includes('<strong>Chủ tịch</strong>'), hovers[0]);
    assert.deepEqual(boldParts(hovers[0]), ['Chủ tịch']);
  });

  it('covers the hovered token with its range', async () => {
    const offset = text.indexOf('Lê_Thanh_Hải');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample.uri, sample.positionAt(offset + 5))) ?? [];
    assert.equal(hovers.length, 1);
    const range = hovers[0].range;
    assert.ok(range, 'the hover has a range');
    assert.equal(sample.getText(range), 'Lê_Thanh_Hải');
  });

  it('shows the sentence under the mouse, not the first one', async () => {
    const hovers = await hoverOn('Sở_Nội_vụ đã');
    assert.equal(hovers.length, 1);
    assert.equal(markdownText(hovers[0]), cleanedSentences[1]);
    assert.deepEqual(boldParts(hovers[0]), ['Sở Nội vụ']);
  });

  it('says a 7 is a separator restored as a comma', async () => {
    const hovers = await hoverOn(' 7 '); // after "Ngày 4": its comma is in the cleaned sentence
    assert.equal(hovers.length, 1);
    const [sentence, about] = hovers[0].split(/\n\n---\n\n/);
    assert.ok(about, `a placeholder section after the sentence: ${hovers[0]}`);
    assert.equal(markdownText(sentence), cleanedSentences[0]);
    assert.deepEqual(boldParts(sentence), [','], 'the comma the 7 became is the bold part');
    const plain = markdownText(about);
    assert.match(plain, /^`7`/);
    assert.match(plain, /separator/);
    assert.match(plain, /→ ,/);
  });

  it("says where a 6's partner is", async () => {
    const opening = text.indexOf('6');
    const closing = text.indexOf('6', opening + 1);
    assert.equal(text.slice(opening, closing + 1), '6 Đặt_hàng 6');

    const open = markdownText((await hoverMarkdown(sample.uri, sample.positionAt(opening)))[0] ?? '');
    assert.match(open, /pair/);
    assert.match(open, /→ “/);
    assert.match(open, new RegExp(`opens; its partner is at column ${closing + 1}\\b`), open);

    const close = markdownText((await hoverMarkdown(sample.uri, sample.positionAt(closing)))[0] ?? '');
    assert.match(close, /→ ”/);
    assert.match(close, new RegExp(`closes; its partner is at column ${opening + 1}\\b`), close);
  });

  it("links the partner's column: the link runs the one command the hover trusts, which moves the cursor there", async () => {
    const editor = await vscode.window.showTextDocument(sample);
    const opening = text.indexOf('6');
    const closing = text.indexOf('6', opening + 1);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample.uri, sample.positionAt(opening))) ?? [];
    const content = hovers[0]?.contents[0];
    assert.ok(content instanceof vscode.MarkdownString, 'markdown');
    const link = /\[column (\d+)\]\((command:([^?]+)\?([^ )]+))/.exec(content.value);
    assert.ok(link, content.value);
    assert.equal(Number(link[1]), closing + 1);
    assert.deepEqual(content.isTrusted, { enabledCommands: [link[3]] }, 'only the link\'s command is enabled');
    const args = JSON.parse(decodeURIComponent(link[4])) as unknown[];
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand(link[3], ...args), true);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [0, closing]);
    assert.ok(editor.selection.isEmpty);
  });

  it('writes what it shows so that markdown shows it: no stray asterisks or backticks, marks in bold', async () => {
    const hovers = await hoverOn(' 7 ');
    const [sentence, about] = hovers[0].split(/\n\n---\n\n/);
    assert.ok(!/(?<!\\)\*\*/.test(hovers[0]), `no ** left for markdown to leave as it is: ${hovers[0]}`);
    assert.deepEqual(boldParts(sentence), [',']);
    assert.match(about, /^`7`: separator placeholder/, 'the digit as code, not escaped backticks');
  });

  it('gives no hover where there is no token: an empty line, a run of spaces', async () => {
    const other = await vscode.workspace.openTextDocument({ language: 'segmented-corpus', content: 'Xin_chào  bạn .\n\n' });
    assert.equal((await hoverMarkdown(other.uri, new vscode.Position(0, 3))).length, 1, 'a word of it does have a hover');
    assert.deepEqual(await hoverMarkdown(other.uri, new vscode.Position(0, 9)), [], 'between the two spaces');
    assert.deepEqual(await hoverMarkdown(other.uri, new vscode.Position(1, 0)), [], 'on the empty line');
  });

  it('gives no hover when segmentedCorpus.hover.enabled is false, and hovers again when it is back on', async () => {
    const at = sample.positionAt(text.indexOf('Chủ_tịch') + 3);
    assert.equal((await hoverMarkdown(sample.uri, at)).length, 1, 'hover on by default');
    await setSetting('hover.enabled', false);
    assert.deepEqual(await hoverMarkdown(sample.uri, at), []);
    await setSetting('hover.enabled', true);
    assert.equal((await hoverMarkdown(sample.uri, at)).length, 1, 'hover back without a reload');
  });
});
