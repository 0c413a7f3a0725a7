// What a person does in the editor, as Playwright steps on the code-server workbench.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEditorSession } from '../../scripts/editor/code-server.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');
/**
 * SEGCORPUS_E2E_VSIX=FILE.vsix (test/e2e/run.mjs): every session installs the extension from that
 * VSIX with code-server's --install-extension, as a person does, instead of loading the repository.
 */
export const installedVsix = process.env.SEGCORPUS_E2E_VSIX ? resolve(process.env.SEGCORPUS_E2E_VSIX) : undefined;

/**
 * Runs `steps(page)` in a workbench on test/fixtures (or `workspace`) with the extension loaded
 * from the repo. On failure the session keeps its logs and a screenshot and prints where. With
 * `untrusted`, workspace trust is on and the workspace opens in Restricted Mode; with `installed`,
 * the extension is installed from its packaged files (as from the VSIX) instead of loaded under
 * development, which VS Code exempts from workspace trust. With SEGCORPUS_E2E_VSIX set, every
 * session installs that VSIX. `locale` starts the editor in that display language (`vi`, with the
 * stub language pack test/e2e/language-pack-vi that makes VS Code accept it offline).
 */
export async function withEditor(label, steps, { settings = {}, workspace = fixtures, untrusted = false, installed = false, locale } = {}) {
  // The workspace is test/fixtures itself: edits in a test stay in the page, never on disk.
  settings = { 'files.autoSave': 'off', 'files.hotExit': 'off', ...settings };
  const extension = installedVsix ? { installedExtension: installedVsix } : installed ? { installedExtension: repoRoot } : { extensionDevelopmentPath: repoRoot };
  const languagePack = locale ? { locale, languagePack: join(repoRoot, 'test', 'e2e', `language-pack-${locale}`) } : {};
  const session = await startEditorSession({ workspace, ...extension, label, settings, untrusted, ...languagePack });
  let failed = true;
  try {
    await waitForWorkbench(session.page);
    await steps(session.page);
    failed = false;
  } finally {
    await session.close({ failed });
  }
}

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 30_000 });
  // The explorer lists the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/** Ctrl+P, type the name, wait for the matching row, Enter; resolves when its editor shows text. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** The text of the rendered lines (the editor draws spaces as no-break spaces). */
export async function visibleEditorText(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-line').allTextContents();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** The text of the rendered lines of the active editor group's editor only. */
export async function activeEditorText(page) {
  const lines = await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-line').allTextContents();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Text as a person reads it: no-break spaces (editor, hover markdown) as spaces. */
export function readable(text) {
  return (text ?? '').replace(/\u00a0/g, ' ');
}

/** Ctrl+G, `line:column` (1-based), Enter; waits until the status bar shows the cursor there. */
export async function goTo(page, line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor({ timeout: 10_000 });
  // 250 ms after the cursor moves the workbench asks for code actions by itself (the light bulb),
  // and that request replaces a Ctrl+. still on its way: a hand takes longer than that anyway.
  await page.waitForTimeout(400);
}

/**
 * Ctrl+. and the titles of the code action menu's rows, once it lists `expected` (a string or a
 * RegExp; its row in `row`, the focused row's title in `focused`). The workbench drops a Ctrl+. whose request is still running when it asks
 * for code actions by itself (after a cursor move or a change of problems: that request replaces
 * the manual one and shows no menu); a person then presses Ctrl+. again, and so does this, up to
 * three times.
 */
export async function openQuickFixes(page, expected) {
  const widget = page.locator('.action-widget:not(.action-list-submenu-panel)');
  const row = widget.locator('.monaco-list-row.action', { hasText: expected }).first();
  const seen = [];
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      const shown = (await widget.locator('.monaco-list-row.action').allTextContents().catch(() => [])).map((t) => readable(t).trim());
      seen.push(shown.length > 0 ? JSON.stringify(shown) : 'no menu');
      if (attempt === 3) throw new Error(`no "${expected}" in the quick fix menu after ${attempt} Ctrl+.: ${seen.join('; ')}`, { cause: error });
      console.log(`    (Ctrl+. for "${expected}" showed ${seen.at(-1)}: pressing it again)`);
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }
  const titles = (await widget.locator('.monaco-list-row.action').allTextContents()).map((t) => readable(t).trim());
  const focused = readable(await widget.locator('.monaco-list-row.action.focused').first().textContent({ timeout: 5_000 })).trim();
  return { widget, row, titles, focused };
}

/**
 * F1, type the command's title, wait until the highlighted row is that command, Enter.
 * `title` is the palette label, e.g. "Segmented Corpus: Normalize Document".
 */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * Moves the mouse onto `word` in the active editor, in a few steps as a hand would, and waits
 * for the hover. The word is found in the rendered text (it may span several token spans).
 * Returns the hover's text as read.
 */
export async function hoverWord(page, word, { occurrence = 0 } = {}) {
  /* global document, NodeFilter -- this function runs in the page */
  const box = await page.evaluate(({ word, occurrence }) => {
    let seen = 0;
    for (const line of document.querySelectorAll('.editor-group-container.active .editor-instance .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      const nodes = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node, start: text.length });
        text += node.data;
      }
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (seen++ < occurrence) continue;
        const locate = (offset) => {
          const hit = nodes.findLast((n) => n.start <= offset);
          return [hit.node, offset - hit.start];
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + word.length));
        const rect = range.getBoundingClientRect();
        return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
      }
    }
    return undefined;
  }, { word, occurrence });
  if (!box) throw new Error(`"${word}" is not on screen in the active editor`);
  const contents = page.locator('.monaco-hover .hover-contents').first();
  // A hand that sees no hover (the extension still starting on a busy machine) moves off and back.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(box.x - 40, box.y + box.height * 3);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    try {
      await contents.waitFor({ timeout: 10_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  return readable(await page.locator('.monaco-hover').first().textContent());
}

/**
 * Where a screenshot goes: docs/images/ (the README's pictures) only with SEGCORPUS_SCREENSHOTS=1,
 * otherwise the ignored test-results/screenshots/, so a test run leaves the tree clean.
 */
export function screenshotPath(name) {
  const dir = process.env.SEGCORPUS_SCREENSHOTS === '1' ? join(repoRoot, 'docs', 'images') : join(repoRoot, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export async function screenshot(page, name) {
  const path = screenshotPath(name);
  await page.screenshot({ path });
  return path;
}

/** Polls `probe` (sync or async) until it is true; false when it never became so within `timeoutMs`. */
export async function eventually(probe, timeoutMs = 30_000, intervalMs = 200) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, intervalMs))) {
    if (await probe()) return true;
  }
  return false;
}

/** The computed colour of the first token span rendered in an editor whose text (trimmed) is `text`. */
export async function tokenColour(page, text) {
  return page.evaluate((text) => {
    /* global getComputedStyle -- this function runs in the page */
    for (const span of document.querySelectorAll('.editor-instance .view-line > span > span')) {
      if (span.textContent.replace(/\u00a0/g, ' ').trim() === text) return getComputedStyle(span).color;
    }
    return undefined;
  }, text);
}

/** Waits until the status bar no longer says extensions are activating. */
export async function waitForExtensionsActivated(page) {
  await page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 15_000 });
}

/**
 * Hovers `Chủ_tịch` in the open sample and checks what a person reads: the first sentence cleaned,
 * the hovered word in bold.
 */
export async function expectSampleHover(page) {
  const firstSentence = readFileSync(join(fixtures, 'sample.normalized.txt'), 'utf8').split(/(?<=\.) /)[0];
  const text = await hoverWord(page, 'Chủ_tịch');
  if (!text.includes(firstSentence)) throw new Error(`the hover shows the first sentence cleaned; it shows: ${text}`);
  const bold = readable(await page.locator('.monaco-hover .hover-contents strong').first().textContent());
  if (bold !== 'Chủ tịch') throw new Error(`the hovered word is in bold; the bold part is: ${bold}`);
}

/**
 * Right-clicks `fileName` in the Explorer until its menu shows `title` (the extension's items join
 * the menu once the extension host has read its manifest); the item, ready to be chosen.
 */
export async function openExplorerMenu(page, fileName, title) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName });
  await row.waitFor();
  const item = page.locator('.monaco-menu .action-item', { hasText: title });
  for (let attempt = 0; ; attempt++) {
    await row.click({ button: 'right' });
    if (await item.waitFor({ timeout: 3_000 }).then(() => true, () => false)) return item;
    if (attempt === 5) await item.waitFor({ timeout: 1 });
    await page.keyboard.press('Escape');
  }
}

/** Chooses a menu item: with the notification centre open a click can leave the menu open, the item focused, and Enter chooses it. */
export async function chooseMenuItem(page, item) {
  await item.click();
  if (!(await item.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false))) await page.keyboard.press('Enter');
}
