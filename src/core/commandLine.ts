// The segcorpus command lines the editor offers, and findings in the CLI's text format.
import { Finding, Severity } from './check';
import { LocatedFinding } from './documentCheck';
import { Message, message, messageText } from './messages';

/** A word for a POSIX shell: left alone when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `segcorpus <args>` with every argument quoted for the shell. */
export function cliCommandLine(args: readonly string[]): string {
  return ['segcorpus', ...args].map(shellWord).join(' ');
}

/** One finding as `segcorpus check` prints it: `file:line:column: severity: message [code]` (1-based). */
export function findingLine(file: string, line: number, finding: Finding): string {
  return `${file}:${line + 1}:${finding.start + 1}: ${finding.severity}: ${finding.message} [${finding.code}]`;
}

const SEVERITY_NAMES: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  information: ['information', 'information'],
  hint: ['hint', 'hints'],
};

/** "3 errors, 1 warning, 120 hints": the non-zero counts, most severe first. */
export function severitySummary(bySeverity: Readonly<Record<Severity, number>>): string {
  const parts = (Object.keys(SEVERITY_NAMES) as Severity[])
    .filter((s) => bySeverity[s] > 0)
    .map((s) => `${bySeverity[s].toLocaleString('en-US')} ${SEVERITY_NAMES[s][bySeverity[s] === 1 ? 0 : 1]}`);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** The report of every finding of a file, in the CLI's format, one per line. */
export function checkReport(file: string, findings: readonly LocatedFinding[]): string {
  return findings.map(({ line, finding }) => findingLine(file, line, finding)).join('\n');
}

/** VS Code hands extensions no document for a file over this many characters (its sync limit). */
export const EDITOR_SYNC_LIMIT = 50 * 1024 * 1024;

/** What works instead, offered in the message: for now the command line; later also file jobs. */
export interface Offer {
  readonly title: string;
  readonly l10n: Message;
  readonly kind: 'copyCommandLine';
  readonly commandLine: string;
}

export interface NoDocumentAdvice {
  readonly message: string;
  readonly l10n: Message;
  readonly offers: readonly Offer[];
}

/** The CLI's counterpart of each editor command that reads the whole corpus. */
function cliArgsFor(commandId: string, path: string): string[] {
  const stem = path.replace(/\.[^./\\]*$/, '');
  if (/restorePunctuation|fixAll/.test(commandId)) return ['restore', path, '-o', `${stem}.restored.seg`];
  if (/check/i.test(commandId)) return ['check', '--hints', path];
  return ['normalize', path, '-o', `${stem}.clean.txt`];
}

/**
 * Why a command has no document to work on when the active tab shows a corpus file, and what
 * works instead; undefined when the file is not a corpus file (the command then simply needs one).
 * `bytes` is the file's size when known: over the sync limit, VS Code keeps the text to itself.
 */
export function adviceWithoutDocument(commandId: string, file: { readonly path: string; readonly bytes?: number }, corpusExtensions: readonly string[]): NoDocumentAdvice | undefined {
  const name = file.path.split(/[/\\]/).pop() ?? file.path;
  const extension = /\.[^./\\]+$/.exec(name)?.[0].toLowerCase();
  if (!extension || !corpusExtensions.includes(extension)) return undefined;
  const said =
    file.bytes !== undefined && file.bytes >= EDITOR_SYNC_LIMIT
      ? message('tooLargeForExtensions', name, (file.bytes / 1e6).toFixed(0))
      : message('notHandedToExtensions', name);
  const copy = message('copyCommandLine');
  return {
    message: messageText(said),
    l10n: said,
    offers: [{ title: messageText(copy), l10n: copy, kind: 'copyCommandLine', commandLine: cliCommandLine(cliArgsFor(commandId, file.path)) }],
  };
}
