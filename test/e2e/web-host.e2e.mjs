// The browser bundle: with the extension in VS Code's web-worker host (as on vscode.dev), the hover, the clean preview and the workspace's consistency problems work the same.
import { webExtensionHostSettings } from '../../scripts/editor/code-server.mjs';
import { expectSampleHover, quickOpen, runCommand, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'in the web extension host, hover, clean preview and consistency problems work from dist/web/extension.js';

export default async function webHost() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);
    await expectSampleHover(page);
    await page.mouse.move(5, 5);
    await runCommand(page, 'Segmented Corpus: Open Clean Preview to the Side');
    const tab = page.locator('.tabs-container .tab', { hasText: 'sample.seg.clean.txt' });
    await tab.waitFor({ timeout: 15_000 });
    // The preview's text, as rendered: the normalized sample.
    await page.waitForFunction(
      (start) => [...document.querySelectorAll('.view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ').includes(start)), // eslint-disable-line no-undef
      '“Đặt hàng” đào tạo cán bộ trẻ',
      { timeout: 15_000 },
    );
    // The workspace counted in the worker's slices (no setImmediate there: it yields by a message to itself).
    await quickOpen(page, 'railway-a.seg');
    await page.locator('.editor-group-container.active .squiggly-info').first().waitFor({ timeout: 30_000 });
  }, { settings: { ...webExtensionHostSettings, 'editor.wordWrap': 'on' } });
}
