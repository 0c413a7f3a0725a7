// In a workspace nobody has trusted (Restricted Mode), a corpus still opens as Segmented Corpus, highlighted, with its hover.
import assert from 'node:assert/strict';
import { expectSampleHover, quickOpen, readable, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'in Restricted Mode the corpus opens as Segmented Corpus, highlighted, with the hover';

export default async function untrusted() {
  await withEditor(name, async (page) => {
    // Workspace trust is on and this workspace untrusted: the workbench says so in the status bar.
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 15_000 });

    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);
    // The language picker in the status bar names the document's language (Plain Text when the extension is disabled).
    const mode = page.locator('.part.statusbar #status\\.editor\\.mode');
    await mode.filter({ hasText: 'Segmented Corpus' }).waitFor({ timeout: 15_000 });
    assert.equal(readable(await mode.textContent()).trim(), 'Segmented Corpus');
    // The grammar colours tokens: some rendered span has a token class other than the default.
    await page.locator('.editor-instance .view-line span span:not(.mtk1)').first().waitFor({ timeout: 10_000 });
    // Restricted Mode boxes every non-ASCII letter of code; a Vietnamese corpus is nothing but such letters.
    assert.equal(await page.locator('.editor-instance .unicode-highlight').count(), 0, 'no letter is boxed as a suspicious character');
    await expectSampleHover(page);
    await screenshot(page, 'untrusted.png');
  }, { untrusted: true, installed: true });
}
