// A person runs "Segmented Corpus: Normalize Document" from the palette: the clean text opens in a new editor beside the corpus.
import assert from 'node:assert/strict';
import { activeEditorText, quickOpen, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Normalize Document from the palette opens the clean text beside the corpus';

export default async function normalize() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    await runCommand(page, 'Segmented Corpus: Normalize Document');
    // A new, unsaved editor in a second group, the corpus still showing in the first.
    await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'Untitled-1' }).waitFor({ timeout: 10_000 });
    await page.locator('.editor-group-container:not(.active) .tabs-container .tab.active', { hasText: 'sample.seg' }).waitFor();
    await page.locator('.editor-group-container.active .editor-instance .view-line', { hasText: 'đào tạo' }).first().waitFor();
    const text = await activeEditorText(page);
    assert.ok(text.includes('“Đặt hàng” đào tạo'), `the new editor shows the clean text; it shows: ${text.slice(0, 200)}`);
    assert.ok(!text.includes('_'), 'syllables joined with spaces');
    await screenshot(page, 'normalize.png');
  }, { settings: { 'editor.wordWrap': 'on' } });
}
