// Placeholders are coloured by the scheme in use: semantic tokens for the visible range, asked the way the editor asks.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, deleteCorpusFiles, eventually, openCorpusFile, resetSettings, setSetting } from './helpers';

interface Legend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

/** The editor's own request: the provider's tokens for a range, decoded with its legend to "digit@line:start role[.modifier]". */
async function colouredDigits(document: vscode.TextDocument, range: vscode.Range): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<Legend>('vscode.provideDocumentRangeSemanticTokensLegend', document.uri, range);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentRangeSemanticTokens', document.uri, range);
  assert.ok(legend && tokens, 'the range provider answers');
  const out: string[] = [];
  let line = 0;
  let start = 0;
  for (let k = 0; k < tokens.data.length; k += 5) {
    line += tokens.data[k];
    start = tokens.data[k] === 0 ? start + tokens.data[k + 1] : tokens.data[k + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => tokens.data[k + 4] & (1 << bit));
    const text = document.getText(new vscode.Range(line, start, line, start + tokens.data[k + 2]));
    out.push(`${text}@${line}:${start} ${[legend.tokenTypes[tokens.data[k + 3]], ...modifiers].join('.')}`);
  }
  return out;
}

describe('scheme colours', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  const LINES = ['6 Đặt_hàng 6 đào_tạo 9 cán_bộ 7 trẻ', 'Ngày 4 9 Chủ_tịch 9.', '6 QLNN 6 7 .'];

  it('colours nothing with the default scheme: the grammar already does', async () => {
    const { document } = await openCorpusFile(LINES.join('\n'), 'colours');
    const legend = await vscode.commands.executeCommand<Legend>('vscode.provideDocumentRangeSemanticTokensLegend', document.uri);
    assert.deepEqual(legend.tokenTypes, ['placeholderPair', 'placeholderSeparator', 'placeholderNumber', 'placeholderDate', 'placeholderUnknown']);
    assert.deepEqual(legend.tokenModifiers, ['glued']);
    assert.deepEqual(await colouredDigits(document, new vscode.Range(0, 0, 2, 12)), []);
  });

  it('colours a digit the scheme redefines by its new role, and follows the setting as it changes', async () => {
    const { document } = await openCorpusFile(LINES.join('\n'), 'colours');
    await setSetting('scheme', { '9': { role: 'separator', mark: ';' } });
    const whole = new vscode.Range(0, 0, 2, 12);
    await eventually(async () => ((await colouredDigits(document, whole)).length === 3 ? true : undefined), 'the new scheme is read');
    assert.deepEqual(await colouredDigits(document, whole), ['9@0:21 placeholderSeparator', '9@1:7 placeholderSeparator', '9@1:18 placeholderSeparator.glued']);
    // Only the range asked is read.
    assert.deepEqual(await colouredDigits(document, new vscode.Range(1, 0, 1, 10)), ['9@1:7 placeholderSeparator']);
    await setSetting('scheme', { '9': { role: 'pair', open: '«', close: '»' }, '7': null });
    await eventually(async () => ((await colouredDigits(document, whole)).length === 5 ? true : undefined), 'the changed scheme is read');
    assert.deepEqual(await colouredDigits(document, whole), [
      '9@0:21 placeholderPair',
      '7@0:30 placeholderUnknown',
      '9@1:7 placeholderPair',
      '9@1:18 placeholderPair.glued',
      '7@2:9 placeholderUnknown',
    ]);
  });
});
