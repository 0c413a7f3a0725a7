// `npm start` as a new user runs it: the URL it prints opens the workbench with the sample corpus in an editor.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../../scripts/editor/code-server.mjs';
import { readable, repoRoot, screenshot } from './workbench.mjs';

export const name = 'the URL npm start prints opens sample.seg as Segmented Corpus';
export const fromVsix = false;
export const whyNotFromVsix = 'npm start serves the repository, never a VSIX';

/** Resolves with the workbench URL start.mjs prints (the server is up by then). */
function printedUrl(child) {
  return new Promise((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL printed after 120 s; output:\n${out}`)), 120_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`start.mjs exited (${code}) before printing a URL; output:\n${out}`)));
  });
}

export default async function start() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-start-'));
  const child = spawn(process.execPath, [join(repoRoot, 'scripts', 'editor', 'start.mjs')], {
    env: { ...process.env, SEGCORPUS_WEB: '1', SEGCORPUS_START_WORKSPACE: workspace },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let browser;
  try {
    const url = await printedUrl(child);
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    // No Ctrl+P, no click: the sample is open in the active editor as the page loads.
    await page.locator('.tabs-container .tab.active', { hasText: 'sample.seg' }).waitFor({ timeout: 60_000 });
    const firstLine = readable(await page.locator('.editor-instance .view-line').first().textContent());
    assert.ok(firstLine.startsWith('6 Đặt_hàng 6 đào_tạo'), firstLine);
    await page.locator('.part.statusbar #status\\.editor\\.mode', { hasText: 'Segmented Corpus' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'npm-start.png');
  } finally {
    await browser?.close().catch(() => {});
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM'); // start.mjs stops its code-server on TERM
      await exited;
    }
    rmSync(workspace, { recursive: true, force: true });
  }
}
