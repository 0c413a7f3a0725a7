// Hover: the cleaned sentence under the mouse, the hovered word in bold; on a placeholder, what it stands for and a link to its partner.
import * as vscode from 'vscode';
import { hoverAt, hoverMarkdown } from '../core/hover';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { sayLocalized } from './coreMessages';
import { planFor } from './documentPlan';

/** Moves the cursor to a position of a document: the hover's link to the partner of a pair. */
export const GO_TO_PARTNER = 'segmentedCorpus.goToPairPartner';

async function goToPartner(uri: unknown, line: unknown, character: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || typeof line !== 'number' || typeof character !== 'number') return false;
  const target = vscode.Uri.parse(uri);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const editor = visible ? await vscode.window.showTextDocument(visible.document, visible.viewColumn) : await vscode.window.showTextDocument(target);
  const position = editor.document.validatePosition(new vscode.Position(line, character));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

export function registerHover(config: CorpusConfiguration): vscode.Disposable {
  const provider = vscode.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(document, position) {
      const { hoverEnabled, scheme, tokenizer } = config.settingsFor(document);
      if (!hoverEnabled) return undefined;
      const plan = planFor(document, config.settingsFor(document));
      const line = document.lineAt(position.line).text;
      const info = hoverAt(line, position.character, scheme, plan, tokenizer);
      if (!info) return undefined;
      const partner = info.placeholder?.partner;
      const link = partner ? `command:${GO_TO_PARTNER}?${encodeURIComponent(JSON.stringify([document.uri.toString(), position.line, partner.start]))}` : undefined;
      const markdown = new vscode.MarkdownString(hoverMarkdown(info, link, sayLocalized));
      markdown.supportHtml = true;
      // Only the link to the partner may run a command.
      markdown.isTrusted = { enabledCommands: [GO_TO_PARTNER] };
      const range = new vscode.Range(position.line, info.token.start, position.line, info.token.end);
      return new vscode.Hover(markdown, range);
    },
  });
  return vscode.Disposable.from(provider, vscode.commands.registerCommand(GO_TO_PARTNER, goToPartner));
}
