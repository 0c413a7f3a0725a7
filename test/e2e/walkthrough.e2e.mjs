// A person's first minutes: the Get Started walkthrough, found on the Welcome page, its steps, and its button that opens the sample.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runCommand, screenshot, visibleEditorText, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'the walkthrough opens from the Welcome page, shows its six steps, and its first button opens the sample';

const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
const STEPS = ['openSample', 'hover', 'quickFix', 'normalize', 'preview', 'checkFolder'];

export default async function walkthrough() {
  await withEditor(name, async (page) => {
    await waitForExtensionsActivated(page);
    // Without the side bar the page is wide enough to show each step's picture beside the steps.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await runCommand(page, 'Help: Welcome');
    // The Welcome page lists the walkthroughs of the installed extensions, ours among them.
    const entry = page.locator('.getting-started-category', { hasText: nls['walkthrough.title'] });
    await entry.first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'walkthrough-welcome.png');
    await entry.first().click();
    const steps = page.locator('.getting-started-step');
    await page.locator('.getting-started-step .step-title', { hasText: nls['walkthrough.openSample.title'] }).waitFor({ timeout: 10_000 });
    const titles = (await page.locator('.getting-started-step .step-title').allTextContents()).map((t) => t.trim());
    assert.deepEqual(titles, STEPS.map((id) => nls[`walkthrough.${id}.title`]), 'the steps in order');
    // Each step, opened in turn, shows its picture.
    for (const [k, id] of STEPS.entries()) {
      await steps.nth(k).locator('.step-title').click();
      await page.locator('.getting-started-step.expanded .step-title', { hasText: nls[`walkthrough.${id}.title`] }).waitFor({ timeout: 10_000 });
      await page.locator(`.getting-started-media img[alt="${nls[`walkthrough.${id}.altText`]}"]`).waitFor({ timeout: 10_000 });
      await screenshot(page, `walkthrough-${k + 1}-${id}.png`);
    }
    // Back to the first step; its button opens the sample, an untitled corpus document.
    await steps.nth(0).locator('.step-title').click();
    await page.locator('.getting-started-step.expanded .step-title', { hasText: nls['walkthrough.openSample.title'] }).waitFor();
    await page.locator('.getting-started-step.expanded .button-link, .getting-started-step.expanded a', { hasText: 'Open the Sample' }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: 'Untitled' }).waitFor({ timeout: 10_000 });
    await page.locator('.editor-instance .view-line span span:not(.mtk1)').first().waitFor({ timeout: 10_000 });
    const text = await visibleEditorText(page);
    assert.ok(text.startsWith('6 Đặt_hàng 6 đào_tạo cán_bộ trẻ'), `the sample is open: ${text.slice(0, 80)}`);
    // The status bar names the language of the focused text editor: the walkthrough may keep the focus.
    await page.locator('.editor-instance .view-line').first().click();
    await page.locator('.statusbar', { hasText: 'Segmented Corpus' }).first().waitFor({ timeout: 10_000 });
    // The step is done once its command ran.
    await steps.nth(0).locator('.codicon.complete').waitFor({ timeout: 10_000 });
    assert.equal(await steps.nth(1).locator('.codicon.complete').count(), 0, 'the hover step is not done yet');
    await screenshot(page, 'walkthrough-sample-open.png');
  });
}
