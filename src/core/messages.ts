// The English templates of every sentence the core writes for a person, by id, so the editor can translate them without the core importing vscode.
//
// A template's `{0}`, `{1}` … are its arguments, as `vscode.l10n.t` reads them. The core keeps the
// English text it always wrote (the CLI prints it, tests compare it) and beside it the message id
// and arguments; src/features/coreMessages.ts has every template again as a literal
// `vscode.l10n.t(…)` call (what the l10n bundle export finds), and a unit test keeps the two equal.

export const TEMPLATES = {
  // Diagnostics (check.ts, variations.ts)
  unknownPlaceholder: "unknown placeholder '{0}': the scheme does not define this digit",
  gluedPlaceholder: "placeholder '{0}' is glued to '{1}': tokens should be separated by a space",
  unmatchedPair: "unmatched pair placeholder '{0}': no closing '{0}' after it in this line",
  unmatchedPairSentenceEnds: "unmatched pair placeholder '{0}': no closing '{0}' after it in this line; the sentence ends at column {1}",
  separatorBeforeFinal: "separator placeholder '{0}' before sentence-final punctuation: redundant, normalize drops it",
  joinAtStart: "'_' at the start of a token joins nothing",
  joinAtEnd: "'_' at the end of a token joins nothing",
  joinAcrossBoundary: "'_' joins across a sentence boundary ({0}): a segmenter error",
  joinNextToPunctuation: "'_' next to punctuation ({0}): syllables are joined, marks stand apart",
  joinRun: "'{0}': syllables are joined by a single '_'",
  likelySentenceBreak: "likely sentence break: '{0}' is written '{1}' elsewhere in this document",
  placesOne: '{0} of {1} place',
  placesMany: '{0} of {1} places',
  splitLexiconWord: '`{0}` is split here; `{1}` is a lexicon word (joined in {2})',
  splitAgainstJoined: '`{0}` is split here; joined as `{1}` in {2}',
  joinedAgainstSplit: '`{0}` is joined here; split as `{1}` in {2}',
  segmentedDifferently: '`{0}` is segmented differently here; `{1}` in {2}',
  // Quick-fix titles (actions.ts, codeActionPlan.ts)
  replaceWith: "Replace '{0}' with '{1}'",
  writePairAs: 'Write this pair as {0}…{1}',
  restoreSentence: 'Restore all placeholders in this sentence',
  restoreLine: 'Restore all placeholders in this line',
  restoreLineNumbered: 'Restore all placeholders in line {0}',
  removeStray: "Remove the stray '{0}'",
  removeRedundant: "Remove the redundant '{0}'",
  closeAtSentenceEnd: "Close '{0}' at the end of the sentence",
  separateFrom: "Separate '{0}' from '{1}'",
  repairJoins: "Repair the joins of '{0}'",
  endSentenceHere: "End the sentence here: '{0}' → '.'",
  definePlaceholderAs: "Define placeholder '{0}' as…",
  inSelections: '{0} ({1} selections)',
  atPlace: '{0} ({1})',
  placeName: 'Ln {0}, Col {1}',
  endAllBreaksOne: 'End the sentence at all {0} likely break in the file',
  endAllBreaksMany: 'End the sentence at all {0} likely breaks in the file',
  fixUnmatchedPairOne: 'Fix the {0} unmatched pair placeholder in the file',
  fixUnmatchedPairMany: 'Fix all {0} unmatched pair placeholders in the file',
  fixGluedPlaceholderOne: 'Fix the {0} glued placeholder in the file',
  fixGluedPlaceholderMany: 'Fix all {0} glued placeholders in the file',
  fixSeparatorBeforeFinalOne: 'Fix the {0} redundant separator in the file',
  fixSeparatorBeforeFinalMany: 'Fix all {0} redundant separators in the file',
  fixMalformedJoinOne: 'Fix the {0} malformed join in the file',
  fixMalformedJoinMany: 'Fix all {0} malformed joins in the file',
  restoreCountInFileOne: 'Restore all {0} placeholder in the file',
  restoreCountInFileMany: 'Restore all {0} placeholders in the file',
  restoreCountInLinesOne: 'Restore all {0} placeholder in lines {1}–{2}',
  restoreCountInLinesMany: 'Restore all {0} placeholders in lines {1}–{2}',
  // Hover (hover.ts)
  rolePair: 'pair placeholder',
  roleSeparator: 'separator placeholder',
  roleNumber: 'number placeholder (masked value)',
  roleDate: 'date placeholder (masked value)',
  roleUnknown: 'unknown placeholder (not in the scheme)',
  column: 'column {0}',
  goToPartner: 'Go to the partner',
  opensPartnerAt: 'opens; its partner is at {0}',
  closesPartnerAt: 'closes; its partner is at {0}',
  unmatchedInLine: 'unmatched: no partner in this line',
  droppedWhenNormalized: 'dropped when normalized here',
  // A command with no document (commandLine.ts)
  tooLargeForExtensions: 'Segmented Corpus: {0} is too large for extensions: VS Code hands them files of up to 50 million characters, and this one has {1} MB. The command line reads a corpus of any size.',
  notHandedToExtensions: 'Segmented Corpus: VS Code did not hand {0} to extensions (a file over 50 million characters, or one shown as binary). The command line reads a corpus of any size.',
  copyCommandLine: 'Copy Command Line',
} as const;

export type MessageId = keyof typeof TEMPLATES;

/** An argument: text put in as it is, or a message of its own (translated first). */
export type MessageArgument = string | number | Message;

export interface Message {
  readonly id: MessageId;
  readonly args: readonly MessageArgument[];
}

export function message(id: MessageId, ...args: MessageArgument[]): Message {
  return { id, args };
}

/** `{0}`, `{1}` … of `template` replaced by the arguments, as `vscode.l10n.t` does (an unknown `{x}` stays). */
export function fillTemplate(template: string, args: readonly string[]): string {
  if (args.length === 0) return template;
  return template.replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? args[Number(n)] : whole));
}

/** The text of a message, each template given by `translate` (English when none is given). */
export function messageText(m: Message, translate: (id: MessageId, args: string[]) => string = english): string {
  return translate(
    m.id,
    m.args.map((a) => (typeof a === 'object' ? messageText(a, translate) : String(a))),
  );
}

function english(id: MessageId, args: string[]): string {
  return fillTemplate(TEMPLATES[id], args);
}

/** A title or message in English with its message beside it: what a Fix, a Finding or an Offer carries. */
export function said(m: Message): { readonly text: string; readonly l10n: Message } {
  return { text: messageText(m), l10n: m };
}
