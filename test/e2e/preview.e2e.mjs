// A person opens the clean preview from the palette: the normalized text shows beside the corpus.
import assert from 'node:assert/strict';
import { quickOpen, readable, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Open Clean Preview to the Side shows the normalized text beside the corpus';

export default async function preview() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    await runCommand(page, 'Segmented Corpus: Open Clean Preview to the Side');
    const tab = page.locator('.tabs-container .tab', { hasText: 'sample.seg.clean.txt' });
    await tab.waitFor({ timeout: 10_000 });
    // The preview opens without taking the focus: its editor is the one in the other group.
    const previewGroup = page.locator('.editor-group-container', { has: tab });
    await previewGroup.locator('.editor-instance .view-line', { hasText: 'đào tạo' }).first().waitFor({ timeout: 10_000 });
    const text = readable((await previewGroup.locator('.editor-instance .view-line').allTextContents()).join('\n'));
    assert.ok(text.includes('“Đặt hàng” đào tạo'), `the preview shows the clean text; it shows: ${text.slice(0, 200)}`);
    await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'sample.seg' }).waitFor();
    await screenshot(page, 'preview.png');
  }, { settings: { 'editor.wordWrap': 'on' } });
}
