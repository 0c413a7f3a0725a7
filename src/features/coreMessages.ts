// Every sentence of the core (src/core/messages.ts) through vscode.l10n.t, written out as literals: the l10n bundle export finds only literal calls.
import * as vscode from 'vscode';
import { Message, MessageId, messageText } from '../core/messages';
import type { Say } from '../core/hover';

// A unit test (l10n.test.ts) keeps each literal equal to its template in the core.
const TRANSLATED: Record<MessageId, (args: string[]) => string> = {
  unknownPlaceholder: (a) => vscode.l10n.t("unknown placeholder '{0}': the scheme does not define this digit", ...a),
  gluedPlaceholder: (a) => vscode.l10n.t("placeholder '{0}' is glued to '{1}': tokens should be separated by a space", ...a),
  unmatchedPair: (a) => vscode.l10n.t("unmatched pair placeholder '{0}': no closing '{0}' after it in this line", ...a),
  unmatchedPairSentenceEnds: (a) => vscode.l10n.t("unmatched pair placeholder '{0}': no closing '{0}' after it in this line; the sentence ends at column {1}", ...a),
  separatorBeforeFinal: (a) => vscode.l10n.t("separator placeholder '{0}' before sentence-final punctuation: redundant, normalize drops it", ...a),
  joinAtStart: (a) => vscode.l10n.t("'_' at the start of a token joins nothing", ...a),
  joinAtEnd: (a) => vscode.l10n.t("'_' at the end of a token joins nothing", ...a),
  joinAcrossBoundary: (a) => vscode.l10n.t("'_' joins across a sentence boundary ({0}): a segmenter error", ...a),
  joinNextToPunctuation: (a) => vscode.l10n.t("'_' next to punctuation ({0}): syllables are joined, marks stand apart", ...a),
  joinRun: (a) => vscode.l10n.t("'{0}': syllables are joined by a single '_'", ...a),
  likelySentenceBreak: (a) => vscode.l10n.t("likely sentence break: '{0}' is written '{1}' elsewhere in this document", ...a),
  placesOne: (a) => vscode.l10n.t('{0} of {1} place', ...a),
  placesMany: (a) => vscode.l10n.t('{0} of {1} places', ...a),
  splitLexiconWord: (a) => vscode.l10n.t('`{0}` is split here; `{1}` is a lexicon word (joined in {2})', ...a),
  splitAgainstJoined: (a) => vscode.l10n.t('`{0}` is split here; joined as `{1}` in {2}', ...a),
  joinedAgainstSplit: (a) => vscode.l10n.t('`{0}` is joined here; split as `{1}` in {2}', ...a),
  segmentedDifferently: (a) => vscode.l10n.t('`{0}` is segmented differently here; `{1}` in {2}', ...a),
  replaceWith: (a) => vscode.l10n.t("Replace '{0}' with '{1}'", ...a),
  writePairAs: (a) => vscode.l10n.t('Write this pair as {0}…{1}', ...a),
  restoreSentence: (a) => vscode.l10n.t('Restore all placeholders in this sentence', ...a),
  restoreLine: (a) => vscode.l10n.t('Restore all placeholders in this line', ...a),
  restoreLineNumbered: (a) => vscode.l10n.t('Restore all placeholders in line {0}', ...a),
  removeStray: (a) => vscode.l10n.t("Remove the stray '{0}'", ...a),
  removeRedundant: (a) => vscode.l10n.t("Remove the redundant '{0}'", ...a),
  closeAtSentenceEnd: (a) => vscode.l10n.t("Close '{0}' at the end of the sentence", ...a),
  separateFrom: (a) => vscode.l10n.t("Separate '{0}' from '{1}'", ...a),
  repairJoins: (a) => vscode.l10n.t("Repair the joins of '{0}'", ...a),
  endSentenceHere: (a) => vscode.l10n.t("End the sentence here: '{0}' → '.'", ...a),
  definePlaceholderAs: (a) => vscode.l10n.t("Define placeholder '{0}' as…", ...a),
  inSelections: (a) => vscode.l10n.t('{0} ({1} selections)', ...a),
  atPlace: (a) => vscode.l10n.t('{0} ({1})', ...a),
  placeName: (a) => vscode.l10n.t('Ln {0}, Col {1}', ...a),
  endAllBreaksOne: (a) => vscode.l10n.t('End the sentence at all {0} likely break in the file', ...a),
  endAllBreaksMany: (a) => vscode.l10n.t('End the sentence at all {0} likely breaks in the file', ...a),
  fixUnmatchedPairOne: (a) => vscode.l10n.t('Fix the {0} unmatched pair placeholder in the file', ...a),
  fixUnmatchedPairMany: (a) => vscode.l10n.t('Fix all {0} unmatched pair placeholders in the file', ...a),
  fixGluedPlaceholderOne: (a) => vscode.l10n.t('Fix the {0} glued placeholder in the file', ...a),
  fixGluedPlaceholderMany: (a) => vscode.l10n.t('Fix all {0} glued placeholders in the file', ...a),
  fixSeparatorBeforeFinalOne: (a) => vscode.l10n.t('Fix the {0} redundant separator in the file', ...a),
  fixSeparatorBeforeFinalMany: (a) => vscode.l10n.t('Fix all {0} redundant separators in the file', ...a),
  fixMalformedJoinOne: (a) => vscode.l10n.t('Fix the {0} malformed join in the file', ...a),
  fixMalformedJoinMany: (a) => vscode.l10n.t('Fix all {0} malformed joins in the file', ...a),
  restoreCountInFileOne: (a) => vscode.l10n.t('Restore all {0} placeholder in the file', ...a),
  restoreCountInFileMany: (a) => vscode.l10n.t('Restore all {0} placeholders in the file', ...a),
  restoreCountInLinesOne: (a) => vscode.l10n.t('Restore all {0} placeholder in lines {1}–{2}', ...a),
  restoreCountInLinesMany: (a) => vscode.l10n.t('Restore all {0} placeholders in lines {1}–{2}', ...a),
  rolePair: (a) => vscode.l10n.t('pair placeholder', ...a),
  roleSeparator: (a) => vscode.l10n.t('separator placeholder', ...a),
  roleNumber: (a) => vscode.l10n.t('number placeholder (masked value)', ...a),
  roleDate: (a) => vscode.l10n.t('date placeholder (masked value)', ...a),
  roleUnknown: (a) => vscode.l10n.t('unknown placeholder (not in the scheme)', ...a),
  column: (a) => vscode.l10n.t('column {0}', ...a),
  goToPartner: (a) => vscode.l10n.t('Go to the partner', ...a),
  opensPartnerAt: (a) => vscode.l10n.t('opens; its partner is at {0}', ...a),
  closesPartnerAt: (a) => vscode.l10n.t('closes; its partner is at {0}', ...a),
  unmatchedInLine: (a) => vscode.l10n.t('unmatched: no partner in this line', ...a),
  droppedWhenNormalized: (a) => vscode.l10n.t('dropped when normalized here', ...a),
  tooLargeForExtensions: (a) => vscode.l10n.t('Segmented Corpus: {0} is too large for extensions: VS Code hands them files of up to 50 million characters, and this one has {1} MB. The command line reads a corpus of any size.', ...a),
  notHandedToExtensions: (a) => vscode.l10n.t('Segmented Corpus: VS Code did not hand {0} to extensions (a file over 50 million characters, or one shown as binary). The command line reads a corpus of any size.', ...a),
  copyCommandLine: (a) => vscode.l10n.t('Copy Command Line', ...a),
};

/** A core message in the display language. */
export function localized(m: Message): string {
  return messageText(m, (id, args) => TRANSLATED[id](args));
}

/** The hover's sentences in the display language. */
export const sayLocalized: Say = (id, ...args) => TRANSLATED[id](args);
