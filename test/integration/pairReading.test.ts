// Pairs and marks in the editor as normalize writes them: problems and hover follow the normalize settings in use and the scheme's mark spacing.
import * as assert from 'assert/strict';
import { closeAllEditors, deleteCorpusFiles, hoverMarkdown, markdownText, openCorpusFile, problemsBecome, resetSettings, setSetting } from './helpers';

describe('pair reading in the editor', () => {
  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  it('reports the unmatched pair normalize leaves open, under the normalize settings in use', async () => {
    // With numbers written, the second 6 follows a word and closes: the last one is left open.
    const { document } = await openCorpusFile('6 a 7 1 6 b 6 .');
    await problemsBecome(document.uri, ['unmatched-pair@0:12-13 error']);
    // Written as nothing, the second 6 follows the separator and nests (“a, “b”.): the first is left open.
    await setSetting('normalize.numberPlaceholder', '');
    await problemsBecome(document.uri, ['unmatched-pair@0:0-1 error']);
    const hover = await hoverMarkdown(document.uri, document.positionAt(document.getText().indexOf('b')));
    assert.equal(markdownText(hover[0] ?? '').split('\n')[0], '“a, “b”.');
  });

  it('closes a pair mark before a final mark and sets guillemets as the scheme says', async () => {
    const { document } = await openCorpusFile('6 Hãy làm ngay 7 6 . 6 Tuổi_trẻ 6 .');
    const sentenceAt = async (word: string): Promise<string> => markdownText((await hoverMarkdown(document.uri, document.positionAt(document.getText().indexOf(word) + 1)))[0] ?? '').split('\n')[0];
    assert.equal(await sentenceAt('Hãy'), '“Hãy làm ngay”.');
    await setSetting('normalize.quoteMarks', 'guillemets');
    await setSetting('scheme', { attach: { '«': 'neither', '»': 'neither' } });
    assert.equal(await sentenceAt('Tuổi_trẻ'), '« Tuổi trẻ ».');
  });
});
