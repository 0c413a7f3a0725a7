// A person opens Corpus Statistics from the palette and from the explorer's context menu: tables and labelled SVG charts, in dark, light and high-contrast themes.
import assert from 'node:assert/strict';
import { quickOpen, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Corpus Statistics shows tables and labelled charts, from the palette and from the explorer';

const CHARTS = ['sentence-lengths', 'word-lengths', 'top-words', 'top-compounds', 'growth'];

/** The page inside its webview (two iframes deep), once its charts are drawn. */
async function statisticsPage(page, title) {
  await page.locator('.tabs-container .tab', { hasText: title }).waitFor({ timeout: 20_000 });
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  await frame.locator('svg#growth').waitFor({ timeout: 20_000 });
  return frame;
}

/** Every chart is an SVG image with a title and a description, axis or bar labels, and bars or a line. */
async function expectCharts(frame) {
  for (const id of CHARTS) {
    const svg = frame.locator(`svg#${id}`);
    assert.equal(await svg.getAttribute('role'), 'img', `${id} is an image to assistive technology`);
    const title = (await svg.locator(`#${id}-title`).textContent()).trim();
    const description = (await svg.locator(`#${id}-desc`).textContent()).trim();
    assert.ok(title.length > 0 && description.length > 0, `${id} has a title and a description`);
    const marks = await svg.locator('rect.bar, path.line').count();
    assert.ok(marks > 0, `${id} draws its data`);
    const labels = (await svg.locator('text').allTextContents()).filter((t) => t.trim().length > 0);
    assert.ok(labels.length >= 3, `${id} has labels: ${labels.join(' | ')}`);
    // The same numbers as a table, a key press away.
    assert.ok((await frame.locator(`table#${id}-data tbody tr`).count()) > 0, `${id} has a data table`);
  }
}

/** The text of a row of the figures table. */
async function figure(frame, label) {
  return (await frame.locator('table#figures tr', { has: frame.locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td').textContent()).trim();
}

export default async function statistics() {
  await withEditor(`${name} (palette, dark)`, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);
    await runCommand(page, 'Segmented Corpus: Corpus Statistics');
    const frame = await statisticsPage(page, 'Statistics: sample.seg');
    await expectCharts(frame);
    assert.equal(await figure(frame, 'Lines'), '1');
    assert.equal(await figure(frame, 'Tokens'), '364');
    // The side bar hidden, as a person reading the page would: the screenshot shows the page at its width.
    await page.keyboard.press('Control+B');
    await page.waitForTimeout(500);
    await screenshot(page, 'statistics-dark.png');
    // Keyboard: Tab reaches the export buttons first, then each chart.
    await frame.locator('button[data-export="json"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await frame.locator(':focus').getAttribute('data-export'), 'csv');
    assert.equal(await frame.locator('figure[tabindex="0"]').count(), CHARTS.length);
    await frame.locator('figure').first().locator('summary').focus();
    await page.keyboard.press('Enter');
    await frame.locator('table#sentence-lengths-data').waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await frame.locator('table#sentence-lengths-data').waitFor({ state: 'hidden' });
  }, { settings: { 'workbench.colorTheme': 'Default Dark Modern' } });

  await withEditor(`${name} (explorer, light)`, async (page) => {
    // The extension's contributions are in once its view is listed (a menu opened before stays without them).
    await page.locator('.pane-header', { hasText: 'Segmentation Variations' }).waitFor({ timeout: 20_000 });
    // Right-click a folder in the explorer: its corpus files are counted.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'consistency' }).first();
    const item = page.locator('.context-view .monaco-menu .action-item', { hasText: 'Corpus Statistics' }).first();
    for (let attempt = 1; ; attempt++) {
      await row.click({ button: 'right' });
      try {
        await item.waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await item.click();
    const frame = await statisticsPage(page, 'Statistics: consistency');
    await expectCharts(frame);
    assert.match(await frame.locator('.subtitle').textContent(), /2 files/);
    await page.keyboard.press('Control+B');
    await frame.locator('figure', { has: frame.locator('svg#top-words') }).scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshot(page, 'statistics-light.png');
  }, { settings: { 'workbench.colorTheme': 'Default Light Modern' } });

  await withEditor(`${name} (workspace, high contrast)`, async (page) => {
    await page.locator('.pane-header', { hasText: 'Segmentation Variations' }).waitFor({ timeout: 20_000 });
    await runCommand(page, 'Segmented Corpus: Corpus Statistics: Whole Workspace');
    const frame = await statisticsPage(page, 'Statistics: fixtures');
    await expectCharts(frame);
    await frame.locator('svg#growth').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await screenshot(page, 'statistics-high-contrast.png');
  }, { settings: { 'workbench.colorTheme': 'Default High Contrast' } });
}
