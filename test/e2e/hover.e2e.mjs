// A person rests the mouse on a word of the corpus: the hover shows its sentence cleaned, the word in bold.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, hoverWord, quickOpen, readable, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'hovering a word shows the cleaned sentence with the word in bold';

export default async function hover() {
  const firstSentence = readFileSync(join(fixtures, 'sample.normalized.txt'), 'utf8').split(/(?<=\.) /)[0];
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    const text = await hoverWord(page, 'Chủ_tịch');
    assert.ok(text.includes(firstSentence), `the hover shows the first sentence cleaned; it shows: ${text}`);
    const bold = readable(await page.locator('.monaco-hover .hover-contents strong').first().textContent());
    assert.equal(bold, 'Chủ tịch');
    await screenshot(page, 'hover.png');
  }, { settings: { 'editor.wordWrap': 'on' } });
}
