// A person opens a corpus file: it shows as a Segmented Corpus document, and the README screenshot is taken.
import assert from 'node:assert/strict';
import { quickOpen, screenshot, visibleEditorText, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'opening sample.seg shows the corpus as Segmented Corpus';

export default async function openSample() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    assert.match(await visibleEditorText(page), /Đặt_hàng/);
    // The language mode in the status bar is the person's view of languageId.
    await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: 'Segmented Corpus' }).waitFor({ timeout: 10_000 });

    await waitForExtensionsActivated(page);
    // Grammar colours arrive a moment after the text; give them that moment for the README picture.
    await page.locator('.editor-instance .view-line span span:not(.mtk1)').first().waitFor({ timeout: 5_000 }).catch(() => {});
    await screenshot(page, 'editor.png'); // docs/images/ only with SEGCORPUS_SCREENSHOTS=1
  }, { settings: { 'editor.wordWrap': 'on' } }); // the sample is one long line; wrapped, the picture shows a paragraph
}
