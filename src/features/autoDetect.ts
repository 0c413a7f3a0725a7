// Opens a .txt or untitled plain-text document as a segmented corpus when its first 64 K characters look like one: asks first by default, and keeps each file's answer.
//
// The trap (Rainbow CSV's issue #26): a person who puts a detected file back to Plain Text must
// not see it switched again, now or after reopening it. So every file's answer is kept in the
// workspace state, a language change not made here counts as the person's answer, and nobody is
// asked twice about the same file.
import * as vscode from 'vscode';
import { DETECT_HEAD_CHARS, detectSegmentedCorpus } from '../core/detect';
import { LANGUAGE_ID } from './configuration';

export type AutoDetectSetting = 'ask' | 'always' | 'never';
/** A file's answer: open it as a corpus, or leave it as it is. */
type FileAnswer = 'corpus' | 'plain';
/** The buttons of the question, and what executes them (also the answer command's argument). */
export type Answer = 'open' | 'always' | 'never';

const SECTION = 'segmentedCorpus';
const SETTING = 'autoDetect';
const PLAIN_TEXT = 'plaintext';
/** Workspace state: { [document URI]: FileAnswer }, oldest first. */
const ANSWERS_KEY = 'segmentedCorpus.autoDetect.answers';
/** Enough for any person's files; the oldest answers go first. */
const MAX_ANSWERS = 2000;
/** Where a document can be switched: files and untitled text, not diff sides (git:) or output. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
/** Pause after typing in an untitled document before it is looked at again. */
const TYPING_DELAY = 500;
/** An untitled document read this far without looking segmented is not looked at again. */
const ENOUGH_SYLLABLES = 200;

/** Runs the question's answer for a document (the notification's buttons call it; so can tests). */
export const ANSWER_COMMAND = 'segmentedCorpus.autoDetect.answer';

/** The notification's buttons, in the display language (read when asked, after the l10n bundle is loaded). */
function buttons(): Record<Answer, string> {
  return {
    open: vscode.l10n.t('Open as Segmented Corpus'),
    always: vscode.l10n.t('Always for this workspace'),
    never: vscode.l10n.t('Never'),
  };
}

/** A .txt file or an untitled document, where a language can be set. */
function isTextUri(uri: vscode.Uri): boolean {
  return SCHEMES.has(uri.scheme) && (uri.scheme === 'untitled' || uri.path.toLowerCase().endsWith('.txt'));
}

function isCandidate(document: vscode.TextDocument): boolean {
  return document.languageId === PLAIN_TEXT && isTextUri(document.uri);
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

export class AutoDetect implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Documents judged or asked about in this session (by URI): each is looked at once. */
  private readonly settled = new Set<string>();
  /** Language changes made here, not yet seen coming back: they are not the person's answer. */
  private readonly ours = new Set<string>();
  /** The document closed last and its language: reopened at once as the same object, it changed language. */
  private lastClosed: { document: vscode.TextDocument; languageId: string } | undefined;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Answers about untitled documents, kept only while the document is open: their names
   * (Untitled-1) come back for unrelated documents once closed.
   */
  private readonly untitledAnswers = new Map<string, FileAnswer>();

  constructor(private readonly state: vscode.Memento) {
    // A language change reaches extensions as a close and an open of the same document object, in one go.
    vscode.workspace.onDidCloseTextDocument((document) => this.closed(document), null, this.subscriptions);
    vscode.workspace.onDidOpenTextDocument((document) => this.opened(document), null, this.subscriptions);
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.consider(e.document)), null, this.subscriptions);
    vscode.workspace.onDidChangeTextDocument((event) => this.typed(event.document), null, this.subscriptions);
    this.subscriptions.push(vscode.commands.registerCommand(ANSWER_COMMAND, (uri: vscode.Uri | string, answer: Answer) => this.answer(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, answer)));
    // The documents on screen as the extension starts (its activation was their opening), after activation returns.
    setTimeout(() => vscode.window.visibleTextEditors.forEach((e) => this.consider(e.document)), 0);
  }

  dispose(): void {
    this.typingTimers.forEach((timer) => clearTimeout(timer));
    this.subscriptions.forEach((s) => s.dispose());
  }

  private closed(document: vscode.TextDocument): void {
    this.lastClosed = { document, languageId: document.languageId };
    const key = document.uri.toString();
    // Reopened later, the file is looked at again: its kept answer is applied then.
    this.settled.delete(key);
    // A language change reopens the same object at once; a document really closed stays closed.
    if (document.isUntitled) queueMicrotask(() => document.isClosed && this.untitledAnswers.delete(key));
  }

  private opened(document: vscode.TextDocument): void {
    const closed = this.lastClosed;
    this.lastClosed = undefined;
    if (closed?.document !== document || closed.languageId === document.languageId) return;
    const key = document.uri.toString();
    if (this.ours.delete(key) || !isTextUri(document.uri)) return;
    // The person (or another extension on their behalf) chose a language: that is this file's answer.
    if (closed.languageId === LANGUAGE_ID) void this.remember(key, 'plain');
    else if (document.languageId === LANGUAGE_ID) void this.remember(key, 'corpus');
    this.settled.add(key);
  }

  private typed(document: vscode.TextDocument): void {
    if (!document.isUntitled || !isCandidate(document)) return;
    const key = document.uri.toString();
    if (this.settled.has(key)) return;
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(
      key,
      setTimeout(() => {
        this.typingTimers.delete(key);
        if (vscode.window.visibleTextEditors.some((e) => e.document === document)) this.consider(document);
      }, TYPING_DELAY),
    );
  }

  private answerFor(key: string): FileAnswer | undefined {
    return this.untitledAnswers.get(key) ?? this.state.get<Record<string, FileAnswer>>(ANSWERS_KEY)?.[key];
  }

  private async remember(key: string, answer: FileAnswer): Promise<void> {
    if (key.startsWith('untitled:')) {
      this.untitledAnswers.set(key, answer);
      return;
    }
    const answers = { ...(this.state.get<Record<string, FileAnswer>>(ANSWERS_KEY) ?? {}) };
    delete answers[key];
    answers[key] = answer;
    const keys = Object.keys(answers);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ANSWERS))) delete answers[old];
    await this.state.update(ANSWERS_KEY, answers);
  }

  /** Looks at a document on screen, once: a kept answer is applied, otherwise its text decides. */
  private consider(document: vscode.TextDocument): void {
    if (!isCandidate(document)) return;
    const key = document.uri.toString();
    if (this.settled.has(key)) return;
    const kept = this.answerFor(key);
    if (kept !== undefined) {
      this.settled.add(key);
      if (kept === 'corpus') void this.setCorpusLanguage(document);
      return;
    }
    const setting = vscode.workspace.getConfiguration(SECTION, document.uri).get<AutoDetectSetting>(SETTING, 'ask');
    // Not settled: the setting may change while the document is open.
    if (setting === 'never') return;
    const end = document.positionAt(DETECT_HEAD_CHARS);
    const { segmented, features } = detectSegmentedCorpus(document.getText(new vscode.Range(0, 0, end.line, end.character)));
    if (!segmented) {
      // An untitled document may still be typed or pasted into: look again while it is short.
      if (!document.isUntitled || features.syllables >= ENOUGH_SYLLABLES) this.settled.add(key);
      return;
    }
    this.settled.add(key);
    if (setting === 'always') {
      void this.setCorpusLanguage(document);
    } else {
      // Asked once: unanswered or dismissed, the file stays as it is.
      void this.remember(key, 'plain');
      void this.ask(document.uri);
    }
  }

  private async ask(uri: vscode.Uri): Promise<void> {
    // "Always for this workspace" needs a workspace to write to.
    const offered: Answer[] = vscode.workspace.workspaceFolders?.length ? ['open', 'always', 'never'] : ['open', 'never'];
    const labels = buttons();
    const picked = await vscode.window.showInformationMessage(vscode.l10n.t('{0} looks like a word-segmented corpus.', fileName(uri)), ...offered.map((a) => labels[a]));
    const answer = offered.find((a) => labels[a] === picked);
    if (answer) await vscode.commands.executeCommand(ANSWER_COMMAND, uri, answer);
  }

  /** What a button does: open this file as a corpus (and all in this workspace), or never ask in this workspace. */
  async answer(uri: vscode.Uri, answer: Answer): Promise<void> {
    const key = uri.toString();
    this.settled.add(key);
    const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    if (answer === 'never') {
      await this.remember(key, 'plain');
      await vscode.workspace.getConfiguration(SECTION, uri).update(SETTING, 'never', target);
      return;
    }
    await this.remember(key, 'corpus');
    if (answer === 'always') await vscode.workspace.getConfiguration(SECTION, uri).update(SETTING, 'always', target);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document) await this.setCorpusLanguage(document);
  }

  private async setCorpusLanguage(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed || document.languageId === LANGUAGE_ID) return;
    const key = document.uri.toString();
    this.ours.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    } catch {
      // Closed in the meantime: nothing to switch.
      this.ours.delete(key);
    }
  }
}

export function registerAutoDetect(context: vscode.ExtensionContext): vscode.Disposable {
  return new AutoDetect(context.workspaceState);
}
