// The Segmented Corpus Viewer in the real editor: opened by its command at a line, its page asking for the lines on screen, Go to Line, find, the cleaned line.
import * as assert from 'assert/strict';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension.shared';
import type { PostedMessage } from '../../src/features/viewer';
import { EXTENSION_ID, closeAllEditors, eventually, openSample } from './helpers';

const VIEW_TYPE = 'segmentedCorpus.viewer';

function api(): ExtensionApi {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension?.isActive);
  return extension.exports;
}

/** Every message the extension sends to viewer pages from now on. */
function recordPosts(): { messages: PostedMessage[]; dispose(): void } {
  const messages: PostedMessage[] = [];
  const subscription = api().viewer.onDidPost((m) => messages.push(m));
  return { messages, dispose: () => subscription.dispose() };
}

/** The `lines` answers sent for `uri`, as line number → text. */
function linesSent(messages: readonly PostedMessage[], uri: vscode.Uri): Map<number, string> {
  const lines = new Map<number, string>();
  for (const { uri: to, message } of messages) {
    if (to.toString() !== uri.toString() || message.type !== 'lines') continue;
    (message.lines as Array<{ text: string }>).forEach((l, i) => lines.set((message.from as number) + i, l.text));
  }
  return lines;
}

/** `line N: …` lines, a few of them saying `nâng cao` or `nâng_cao`. */
function corpusText(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(i === 1234 ? `dòng ${i} 6 nâng cao 6 trình_độ 7 .` : i === 2500 ? `Dòng ${i} Nâng_cao năng_lực .` : `dòng ${i} Chủ_tịch UBND 7 tổ_chức .`);
  return out.join('\n') + '\n';
}

function viewerTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputCustom && t.input.viewType === VIEW_TYPE);
}

describe('corpus viewer', () => {
  let file: vscode.Uri;
  const LINES = 3000;

  before(async () => {
    await openSample();
    file = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-viewer-${process.pid}.seg`));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(corpusText(LINES)));
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  after(async () => {
    await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  });

  it('opens at a line given to the command: its page asks for the lines there and gets the file’s text', async () => {
    const posts = recordPosts();
    try {
      await vscode.commands.executeCommand('segmentedCorpus.openViewer', file, 2001);
      await eventually(() => viewerTab(), 'a viewer tab is open');
      const [viewer] = api().viewer.openViewers();
      assert.equal(viewer.uri.toString(), file.toString());
      // The page (a real webview) scrolls to line 2001 and asks for the lines around it.
      const lines = await eventually(() => {
        const sent = linesSent(posts.messages, file);
        return sent.has(2000) ? sent : undefined;
      }, 'the page asked for line 2001', 15_000);
      assert.equal(lines.get(2000), 'dòng 2000 Chủ_tịch UBND 7 tổ_chức .');
      await viewer.indexed;
      assert.equal(viewer.index.lineCount, LINES);
      // The cursor is on that line: its cleaned text is sent.
      const cleaned = await eventually(() => posts.messages.find((m) => m.message.type === 'cleaned' && m.message.line === 2000), 'the cleaned line', 10_000);
      assert.equal(cleaned.message.text, 'dòng 2000 Chủ tịch UBND, tổ chức.');
    } finally {
      posts.dispose();
    }
  });

  it('sends ranges with token classes, and stops at the end of the file', async () => {
    await vscode.commands.executeCommand('segmentedCorpus.openViewer', file);
    const viewer = await eventually(() => api().viewer.openViewers()[0], 'a viewer');
    await viewer.indexed;
    const posts = recordPosts();
    try {
      await viewer.answer({ type: 'lines', from: LINES - 2, count: 10, seq: 99 });
      const answer = posts.messages.find((m) => m.message.type === 'lines' && m.message.seq === 99)?.message;
      assert.ok(answer);
      const lines = answer.lines as Array<{ text: string; spans: number[] }>;
      assert.deepEqual(lines.map((l) => l.text), [`dòng ${LINES - 2} Chủ_tịch UBND 7 tổ_chức .`, `dòng ${LINES - 1} Chủ_tịch UBND 7 tổ_chức .`]);
      assert.equal(answer.lineCount, LINES);
      assert.equal(answer.done, true);
      // Chủ (compound), _ (joiner), tịch (compound), … 7 (separator placeholder), . (punctuation).
      const classes = (text: string, spans: number[]) => {
        const out: string[] = [];
        for (let i = 0; i < spans.length; i += 3) out.push(`${text.slice(spans[i], spans[i + 1])}:${spans[i + 2]}`);
        return out;
      };
      assert.deepEqual(classes(lines[0].text, lines[0].spans), ['2998:8', 'Chủ:0', '_:1', 'tịch:0', '7:3', 'tổ:0', '_:1', 'chức:0', '.:7']);
    } finally {
      posts.dispose();
    }
  });

  it('goes to a line when the command is run again with one, on the viewer already open', async () => {
    await vscode.commands.executeCommand('segmentedCorpus.openViewer', file);
    await eventually(() => api().viewer.openViewers()[0], 'a viewer');
    const posts = recordPosts();
    try {
      await vscode.commands.executeCommand('segmentedCorpus.openViewer', file.toString(), new vscode.Position(2799, 0));
      assert.equal(api().viewer.openViewers().length, 1, 'the same viewer, not a second one');
      // Sent at once to a page that is up, or with its first message to one still loading.
      await eventually(() => posts.messages.find((m) => (m.message.type === 'reveal' && m.message.line === 2799) || (m.message.type === 'init' && m.message.revealLine === 2799)), 'reveal line 2800', 15_000);
      await eventually(() => (linesSent(posts.messages, file).has(2799) ? true : undefined), 'the page asked for line 2800', 15_000);
    } finally {
      posts.dispose();
    }
  });

  it('finds across segmentation and case, forward, backward and wrapping around', async () => {
    await vscode.commands.executeCommand('segmentedCorpus.openViewer', file);
    const viewer = await eventually(() => api().viewer.openViewers()[0], 'a viewer');
    const posts = recordPosts();
    const find = async (query: string, fromLine: number, backward: boolean, seq: number) => {
      await viewer.answer({ type: 'find', query, fromLine, backward, seq });
      return posts.messages.find((m) => m.message.type === 'found' && m.message.seq === seq)?.message.match;
    };
    try {
      assert.deepEqual(await find('nâng_cao', 0, false, 1), { line: 1234, start: 12, end: 20 });
      assert.deepEqual(await find('NÂNG CAO', 1234, false, 2), { line: 2500, start: 10, end: 18 });
      assert.deepEqual(await find('nâng cao', 2500, false, 3), { line: 1234, start: 12, end: 20 }, 'wraps to the start');
      assert.deepEqual(await find('nâng cao', 1234, true, 4), { line: 2500, start: 10, end: 18 }, 'backward wraps to the end');
      assert.equal(await find('không_có', 0, false, 5), undefined);
    } finally {
      posts.dispose();
    }
  });

  it('opens a file of any name (CRLF lines shown without the CR), and opens by its view type', async () => {
    const other = vscode.Uri.file(path.join(os.tmpdir(), `segcorpus-viewer-${process.pid}.data`));
    await vscode.workspace.fs.writeFile(other, new TextEncoder().encode('một\r\nhai'));
    const posts = recordPosts();
    try {
      await vscode.commands.executeCommand('segmentedCorpus.openViewer', other, 2);
      await eventually(() => (linesSent(posts.messages, other).get(1) === 'hai' ? true : undefined), 'the page shows line 2', 15_000);
      assert.equal(linesSent(posts.messages, other).get(0), 'một');
    } finally {
      posts.dispose();
      await closeAllEditors();
      await vscode.workspace.fs.delete(other).then(undefined, () => undefined);
    }
    await vscode.commands.executeCommand('vscode.openWith', file, VIEW_TYPE);
    await eventually(() => viewerTab(), 'the viewer opens by its view type');
  });
});
