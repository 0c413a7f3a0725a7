// Semantic tokens that colour each placeholder by its role in the scheme in use, over the grammar's default-scheme colours, for the visible range only.
import * as vscode from 'vscode';
import { ROLE_TOKEN_MODIFIERS, ROLE_TOKEN_TYPES, RoleToken, SchemeColouring, encodeRoleTokens } from '../core/roleTokens';
import { CorpusConfiguration, LANGUAGE_ID, Settings } from './configuration';

export const ROLE_TOKENS_LEGEND = new vscode.SemanticTokensLegend([...ROLE_TOKEN_TYPES], [...ROLE_TOKEN_MODIFIERS]);

/**
 * The most characters one request looks at: a few screens of text, far more than a viewport shows
 * even of a wrapped 20,000-character line. A larger range (a caller asking for a whole document)
 * is coloured up to this point; the rest keeps the grammar's colours.
 */
const MAX_CHARS_PER_REQUEST = 1_000_000;
/** Lines between two looks at the cancellation token. */
const LINES_PER_CHECK = 64;

/**
 * Only a range provider, no whole-document one: the editor asks for what is on screen (and again
 * on scrolling and after edits), so the work is bounded by the viewport whatever the file's size.
 * A document provider would rescan the whole file after every edit in the shared extension host
 * (a 20 MB file: tens of ms a keystroke) to colour the minimap, not worth it.
 */
export function registerSchemeColours(config: CorpusConfiguration): vscode.Disposable {
  const colourings = new WeakMap<Settings, SchemeColouring>();
  const colouringFor = (document: vscode.TextDocument): SchemeColouring => {
    const settings = config.settingsFor(document);
    let colouring = colourings.get(settings);
    if (!colouring) {
      colouring = new SchemeColouring(settings.scheme);
      colourings.set(settings, colouring);
    }
    return colouring;
  };
  const changed = new vscode.EventEmitter<void>();
  // The editor asks again for the visible range when told the tokens changed: recent VS Code reads
  // this event on range providers too (1.139 checked); older ones recolour on the next scroll or edit.
  const provider: vscode.DocumentRangeSemanticTokensProvider & { onDidChangeSemanticTokens: vscode.Event<void> } = {
    onDidChangeSemanticTokens: changed.event,
    provideDocumentRangeSemanticTokens(document, range, token) {
      const colouring = colouringFor(document);
      const tokens: RoleToken[] = [];
      if (colouring.differs) {
        let budget = MAX_CHARS_PER_REQUEST;
        const last = Math.min(range.end.line, document.lineCount - 1);
        for (let line = range.start.line; line <= last && budget > 0; line++) {
          if ((line - range.start.line) % LINES_PER_CHECK === 0 && token.isCancellationRequested) return undefined;
          const text = document.lineAt(line).text;
          const from = line === range.start.line ? range.start.character : 0;
          const to = line === range.end.line ? range.end.character : text.length;
          budget -= colouring.scanLine(text, line, from, Math.min(to, from + budget), tokens);
        }
      }
      return new vscode.SemanticTokens(encodeRoleTokens(tokens));
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentRangeSemanticTokensProvider({ language: LANGUAGE_ID }, provider, ROLE_TOKENS_LEGEND),
    config.onDidChange(() => changed.fire()),
    changed,
  );
}
