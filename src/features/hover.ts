// Hover: the cleaned sentence under the mouse, the hovered word in bold; on a placeholder, what it stands for.
import * as vscode from 'vscode';
import { HoverInfo, hoverAt } from '../core/hover';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { planFor } from './documentPlan';

const ROLE_NAMES: Record<string, string> = {
  pair: 'pair placeholder',
  separator: 'separator placeholder',
  number: 'number placeholder (masked value)',
  date: 'date placeholder (masked value)',
  unknown: 'unknown placeholder (not in the scheme)',
};

export function hoverMarkdown(info: HoverInfo): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const { cleaned, cleanedStart, cleanedEnd } = info;
  if (cleanedEnd > cleanedStart) {
    md.appendText(cleaned.slice(0, cleanedStart));
    md.appendMarkdown('**');
    md.appendText(cleaned.slice(cleanedStart, cleanedEnd));
    md.appendMarkdown('**');
    md.appendText(cleaned.slice(cleanedEnd));
  } else {
    md.appendText(cleaned);
  }
  const p = info.placeholder;
  if (p) {
    md.appendMarkdown('\n\n---\n\n');
    md.appendText(`\`${p.digit}\`: ${ROLE_NAMES[p.role]}`);
    if (p.restoresTo !== undefined) md.appendText(` → ${p.restoresTo}`);
    if (p.side) {
      if (p.partner) {
        md.appendText(` · ${p.side === 'open' ? 'opens' : 'closes'}; its partner is at column ${p.partner.start + 1}`);
      } else {
        md.appendText(' · unmatched: no partner in this line');
      }
    }
    if (p.normalizesTo === '' && p.role === 'separator') md.appendText(' · dropped when normalized here');
  }
  return md;
}

export function registerHover(config: CorpusConfiguration): vscode.Disposable {
  return vscode.languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(document, position) {
      const { hoverEnabled, scheme, tokenizer } = config.settingsFor(document);
      if (!hoverEnabled) return undefined;
      const plan = planFor(document, config.settingsFor(document));
      const line = document.lineAt(position.line).text;
      const info = hoverAt(line, position.character, scheme, plan, tokenizer);
      if (!info) return undefined;
      const range = new vscode.Range(position.line, info.token.start, position.line, info.token.end);
      return new vscode.Hover(hoverMarkdown(info), range);
    },
  });
}
