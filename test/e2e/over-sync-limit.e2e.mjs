// A person opens a corpus over VS Code's 50-million-character limit for extensions and runs a command: it says why it cannot, and copies the command line that can.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.mjs';
import { fixtures, quickOpen, readable, runCommand, screenshot, withEditor } from './workbench.mjs';

export const name = 'a 75 MB corpus (56 M characters, over the sync limit): Normalize Document says why it cannot and offers the command line';

/** VS Code hands extensions no document over this many characters. */
const SYNC_LIMIT = 50 * 1024 * 1024;

export default async function overSyncLimit() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-e2e-huge-'));
  try {
    const file = writeCorpus(join(workspace, 'huge.seg'), 75_000_000, join(fixtures, 'sample.seg'));
    const characters = readFileSync(file.path, 'utf8').length;
    assert.ok(characters > SYNC_LIMIT, `${characters} characters, over the limit`);
    await withEditor(name, async (page) => {
      await quickOpen(page, 'huge.seg');
      // The workbench knows the language from the name: the commands are in the palette.
      await runCommand(page, 'Segmented Corpus: Normalize Document');
      await runCommand(page, 'Notifications: Show Notifications');
      const message = page.locator('.notifications-center .notification-list-item', { hasText: 'too large for extensions' });
      await message.waitFor({ timeout: 60_000 });
      const text = readable(await message.textContent());
      assert.match(text, /huge\.seg is too large for extensions: VS Code hands them files of up to 50 million characters, and this one has 75 MB/);
      const commandLine = `segcorpus normalize ${file.path} -o ${file.path.replace(/\.seg$/, '.clean.txt')}`;
      assert.ok(text.includes(commandLine), text);
      await screenshot(page, 'over-sync-limit.png');
      await message.locator('.monaco-button', { hasText: 'Copy Command Line' }).click();
      await page.locator('.statusbar-item', { hasText: 'Copied: segcorpus normalize' }).waitFor({ timeout: 10_000 });
    }, { workspace, settings: { 'workbench.editorLargeFileConfirmation': 4096 } });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
