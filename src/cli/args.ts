// Command-line parsing for segcorpus: a small, strict parser whose errors say what to type instead.
import { FINDING_CODES, FindingCode, RuleSetting } from '../core/check';
import { say } from './messages';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Command = 'normalize' | 'restore' | 'check' | 'stats' | 'consistency';
export const COMMANDS: readonly Command[] = ['normalize', 'restore', 'check', 'stats', 'consistency'];

export interface CliArgs {
  command: Command | undefined;
  files: string[];
  output: string | undefined;
  scheme: string | undefined;
  keepUnderscores: boolean;
  numberPlaceholder: string | undefined;
  datePlaceholder: string | undefined;
  nfc: boolean;
  toneStyle: 'keep' | 'old' | 'new';
  separatorAtLineEnd: 'keep' | 'drop' | undefined;
  quoteMarks?: 'scheme' | 'curly' | 'straight' | 'guillemets';
  inferSentenceBreaks: boolean;
  jobs: number | undefined;
  strict: boolean;
  hints: boolean;
  /** check: rules given a severity other than their default (or turned off) by --severity. */
  severities: Partial<Record<FindingCode, RuleSetting>>;
  json: boolean;
  top: number | undefined;
  problems: boolean;
  vocabulary: boolean;
  lexicon: string | undefined;
  minCount: number | undefined;
  minShare: number | undefined;
  apply: boolean;
  outDir: string | undefined;
  gzip: boolean;
  jsonl: boolean;
  field: string | undefined;
  passOtherLines: boolean;
  help: boolean;
  version: boolean;
}

interface OptionSpec {
  readonly takesValue: boolean;
  readonly commands: readonly Command[];
  readonly apply: (args: CliArgs, value: string) => void;
}

const REWRITES: readonly Command[] = ['normalize', 'restore'];
const LINE_COMMANDS: readonly Command[] = ['normalize', 'restore', 'check', 'stats'];

const OPTIONS: Record<string, OptionSpec> = {
  '--output': { takesValue: true, commands: REWRITES, apply: (a, v) => (a.output = v) },
  '--scheme': { takesValue: true, commands: COMMANDS, apply: (a, v) => (a.scheme = v) },
  '--keep-underscores': { takesValue: false, commands: ['normalize'], apply: (a) => (a.keepUnderscores = true) },
  '--number-placeholder': { takesValue: true, commands: ['normalize'], apply: (a, v) => (a.numberPlaceholder = v) },
  '--date-placeholder': { takesValue: true, commands: ['normalize'], apply: (a, v) => (a.datePlaceholder = v) },
  '--nfc': { takesValue: false, commands: ['normalize'], apply: (a) => (a.nfc = true) },
  '--tone-style': {
    takesValue: true,
    commands: ['normalize'],
    apply: (a, v) => {
      if (v !== 'old' && v !== 'new' && v !== 'keep') throw new UsageError(say('toneStyleValue', v));
      a.toneStyle = v;
    },
  },
  '--separator-at-line-end': {
    takesValue: true,
    commands: ['normalize'],
    apply: (a, v) => {
      if (v !== 'keep' && v !== 'drop') throw new UsageError(say('separatorAtLineEndValue', v));
      a.separatorAtLineEnd = v;
    },
  },
  '--quote-marks': {
    takesValue: true,
    commands: ['normalize'],
    apply: (a, v) => {
      if (v !== 'scheme' && v !== 'curly' && v !== 'straight' && v !== 'guillemets') throw new UsageError(say('quoteMarksValue', v));
      a.quoteMarks = v;
    },
  },
  '--infer-sentence-breaks': { takesValue: false, commands: ['normalize'], apply: (a) => (a.inferSentenceBreaks = true) },
  '--jobs': {
    takesValue: true,
    commands: REWRITES,
    apply: (a, v) => {
      if (!/^[1-9][0-9]*$/.test(v) || Number(v) > 64) throw new UsageError(say('jobsValue', v));
      a.jobs = Number(v);
    },
  },
  '--strict': { takesValue: false, commands: ['check'], apply: (a) => (a.strict = true) },
  '--hints': { takesValue: false, commands: ['check'], apply: (a) => (a.hints = true) },
  '--severity': {
    takesValue: true,
    commands: ['check'],
    apply: (a, v) => {
      // RULE=LEVEL, several joined by commas; the option may also be repeated. A later one wins.
      for (const part of v.split(',')) {
        const [code, level, ...rest] = part.split('=');
        if (!(FINDING_CODES as readonly string[]).includes(code) || !(RULE_SETTINGS as readonly string[]).includes(level) || rest.length > 0) {
          throw new UsageError(say('severityValue', part, FINDING_CODES.join(', ')));
        }
        a.severities[code as FindingCode] = level as RuleSetting;
      }
    },
  },
  '--json': { takesValue: false, commands: ['check', 'stats', 'consistency'], apply: (a) => (a.json = true) },
  '--top': {
    takesValue: true,
    commands: ['stats'],
    apply: (a, v) => {
      if (!/^(0|[1-9][0-9]{0,5})$/.test(v)) throw new UsageError(say('topValue', v));
      a.top = Number(v);
    },
  },
  '--problems': { takesValue: false, commands: ['stats'], apply: (a) => (a.problems = true) },
  '--vocabulary': { takesValue: false, commands: ['stats'], apply: (a) => (a.vocabulary = true) },
  '--lexicon': { takesValue: true, commands: ['check', 'consistency'], apply: (a, v) => (a.lexicon = v) },
  '--min-count': {
    takesValue: true,
    commands: ['check', 'consistency'],
    apply: (a, v) => {
      if (!/^[1-9][0-9]*$/.test(v)) throw new UsageError(say('minCountValue', v));
      a.minCount = Number(v);
    },
  },
  '--min-share': {
    takesValue: true,
    commands: ['check', 'consistency'],
    apply: (a, v) => {
      const share = /^(0|1)?(\.[0-9]+)?$/.test(v) && v !== '' && v !== '.' ? Number(v) : NaN;
      if (!(share > 0 && share <= 1)) throw new UsageError(say('minShareValue', v));
      a.minShare = share;
    },
  },
  '--apply': { takesValue: false, commands: ['consistency'], apply: (a) => (a.apply = true) },
  '--out-dir': { takesValue: true, commands: ['consistency'], apply: (a, v) => (a.outDir = v) },
  '--gzip': { takesValue: false, commands: REWRITES, apply: (a) => (a.gzip = true) },
  '--jsonl': { takesValue: false, commands: LINE_COMMANDS, apply: (a) => (a.jsonl = true) },
  '--field': {
    takesValue: true,
    commands: LINE_COMMANDS,
    apply: (a, v) => {
      if (v.split('.').some((key) => key === '')) throw new UsageError(say('fieldValue', v));
      a.field = v;
    },
  },
  '--pass-other-lines': { takesValue: false, commands: LINE_COMMANDS, apply: (a) => (a.passOtherLines = true) },
};

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

const ALIASES: Record<string, string> = { '-o': '--output', '-j': '--jobs' };

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: undefined,
    files: [],
    output: undefined,
    scheme: undefined,
    keepUnderscores: false,
    numberPlaceholder: undefined,
    datePlaceholder: undefined,
    nfc: false,
    toneStyle: 'keep',
    separatorAtLineEnd: undefined,
    inferSentenceBreaks: false,
    jobs: undefined,
    strict: false,
    hints: false,
    severities: {},
    json: false,
    top: undefined,
    problems: false,
    vocabulary: false,
    lexicon: undefined,
    minCount: undefined,
    minShare: undefined,
    apply: false,
    outDir: undefined,
    gzip: false,
    jsonl: false,
    field: undefined,
    passOtherLines: false,
    help: false,
    version: false,
  };
  const seen: string[] = [];
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (onlyFiles || word === '-' || !word.startsWith('-')) {
      if (args.command === undefined && !onlyFiles && word !== '-') {
        if (!(COMMANDS as readonly string[]).includes(word)) throw new UsageError(say('unknownCommand', word, COMMANDS.join(', ')));
        args.command = word as Command;
      } else {
        args.files.push(word);
      }
      continue;
    }
    if (word === '--') {
      onlyFiles = true;
      continue;
    }
    if (word === '-h' || word === '--help') {
      args.help = true;
      continue;
    }
    if (word === '--version') {
      args.version = true;
      continue;
    }
    // A short option may carry its value: -j2, -oout.txt, -o=out.txt.
    const short = !word.startsWith('--') && word.length > 2 ? ALIASES[word.slice(0, 2)] : undefined;
    const eq = short ? 2 : word.indexOf('=');
    const rawName = short ? word.slice(0, 2) : eq > 0 ? word.slice(0, eq) : word;
    const name = ALIASES[rawName] ?? rawName;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(say('unknownOption', rawName));
    let value = '';
    if (spec.takesValue) {
      if (short) value = word.slice(word[2] === '=' ? 3 : 2);
      else if (eq > 0) value = word.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new UsageError(say('needsValue', rawName));
      // `-o --nfc` is more likely a forgotten file name than a file called --nfc: such a value must be attached.
      if (eq <= 0 && !short && value.length > 1 && value.startsWith('-')) {
        throw new UsageError(say('needsValueNotOption', rawName, value, name));
      }
    } else if (eq > 0) {
      throw new UsageError(say('takesNoValue', rawName));
    }
    spec.apply(args, value);
    seen.push(name);
  }
  if (args.command !== undefined) {
    for (const name of seen) {
      if (!OPTIONS[name].commands.includes(args.command)) throw new UsageError(say('doesNotApply', name, args.command));
    }
    if (args.command !== 'check' && args.command !== 'consistency' && args.command !== 'stats' && args.files.length > 1) throw new UsageError(say('oneInputFile', args.command));
    if (args.apply !== (args.outDir !== undefined)) throw new UsageError(say('applyWithOutDir'));
    if (args.apply && (args.files.length === 0 || args.files.includes('-'))) throw new UsageError(say('applyNeedsFiles'));
    if (args.apply && args.json) throw new UsageError(say('jsonOrApply'));
    if (!args.jsonl && (args.field !== undefined || args.passOtherLines)) throw new UsageError(say('fieldNeedsJsonl', args.field !== undefined ? '--field' : '--pass-other-lines'));
    if (args.jsonl && args.inferSentenceBreaks) throw new UsageError(say('jsonlInferBreaks'));
  }
  return args;
}

export const USAGE = `segcorpus — clean word-segmented corpora whose punctuation was replaced by placeholder digits

Usage:
  segcorpus normalize [FILE] [-o OUT] [options]  clean running text: punctuation restored, syllables joined
  segcorpus restore   [FILE] [-o OUT] [options]  placeholders to punctuation tokens; stays segmented
  segcorpus check     [FILE...] [options]        unmatched pairs, unknown and glued placeholders,
                                                 separators before final marks, malformed joins,
                                                 segmentation inconsistent across all FILEs
  segcorpus stats     [FILE...] [--json]         lines, sentences, tokens, words, compounds,
                                                 placeholders per digit, length histograms (types,
                                                 top words, growth: --vocabulary); several FILEs are
                                                 counted as one corpus (their lines in order)
  segcorpus consistency FILE... [--json]         variations: the same syllables segmented two ways
  segcorpus consistency FILE... --apply --out-dir DIR
                                                 each FILE rewritten to DIR/FILE's name with every
                                                 flagged occurrence in its majority form

FILE is read as UTF-8; without FILE (or with -) standard input is read. Output goes to standard
output unless -o is given. An option's value follows it (-o OUT, -j 2) or is attached (-oOUT, -j2,
--output=OUT, --jobs=2); a value starting with - must be attached (--output=-x.txt).

Options:
  -o, --output OUT          write OUT atomically: a failed run leaves no file; never the input
  --scheme FILE.json        placeholder scheme; default: 6 pair “ ”, 7 separator ",", 1 number, 4 date
                            e.g. {"placeholders": {"7": {"role": "separator", "mark": ","}}}
  --keep-underscores        normalize: keep the syllable joiners
  --number-placeholder T    normalize: how number placeholders are written; {digit} is the digit,
                            "" drops them (default {digit})
  --date-placeholder T      normalize: the same for date placeholders
  --nfc                     normalize: compose the text to Unicode NFC
  --tone-style old|new      normalize: tone marks in open oa/oe/uy syllables (hòa / hoà)
  --separator-at-line-end keep|drop
                            normalize: a separator placeholder ending a line (default keep: in
                            real prose it is mostly a colon before a list)
  --quote-marks curly|straight|guillemets
                            normalize: one style for every pair placeholder (default: the scheme's)
  --infer-sentence-breaks   normalize: a separator before a capitalised word that the input
                            usually writes in lower case ends the sentence (reads FILE twice;
                            stdin is kept in a temporary file)
  -j, --jobs N              threads for big files (default: the number of cores less one;
                            1 transforms in the main thread)
  --strict                  check: warnings also make the exit status 1
  --hints                   check: also likely sentence breaks (reads each file twice)
  --severity RULE=LEVEL     check: a rule's severity: error, warning, information, hint or
                            off (repeat, or join with commas); inconsistent-segmentation=off
                            skips the corpus-wide count
  --json                    check, stats, consistency: JSON output
  --vocabulary              stats: also the vocabulary: types, the most frequent words and
                            compounds, vocabulary growth (a table of every word: about twice
                            the time; the editor's statistics page counts it)
  --top N                   stats: how many of the most frequent words and compounds (20);
                            implies --vocabulary
  --problems                stats: also the problems per rule that check finds line by line
                            (as slow as check; the editor's statistics page counts them)
  --lexicon FILE            check, consistency: known words, one a line, syllables joined by _
                            (# comments); a split occurrence of one is always flagged
  --min-count N             check, consistency: occurrences a sequence needs for a majority (3)
  --min-share X             check, consistency: the share the majority form needs (0.75)
  --apply --out-dir DIR     consistency: write the rewritten files into DIR (created if needed;
                            never an input's folder: outputs keep their input's name)
  --gzip                    normalize, restore: gzip the output (-o NAME.gz does without it);
                            gzip input is recognised by its first bytes, file or stdin, any name
  --jsonl                   normalize, restore, check, stats: JSON Lines, one object a line; only
                            the field's text is rewritten (checked, counted), every other byte kept
  --field KEY               --jsonl: the field holding the text (default text; meta.text for a key
                            inside a key)
  --pass-other-lines        --jsonl: write a line without a string field unchanged (default: it is
                            an error naming the line, status 2)
  -h, --help                this help
  --version                 the version

Lines: one line out for every line in, each rewritten on its own (--infer-sentence-breaks reads the
whole input first), so a corpus split at line feeds can be processed in parts (GNU parallel,
Hadoop Streaming, Spark's RDD.pipe) and the outputs concatenated. Nothing is ever asked.

Exit status (messages on stderr, one line):
  0         done
  1         check found errors (--strict: warnings too); nothing else
  2         usage, input or output error: bad option, unreadable file, invalid UTF-8, binary file,
            a line over 16 MB, damaged gzip, a JSON Lines record without its field, invalid
            scheme, full disk
  130, 143  stopped by Ctrl+C / SIGTERM (129 SIGHUP): nothing written, no temporary file left
  141       the reader of standard output went away (| head): quiet, as sed and cat`;
