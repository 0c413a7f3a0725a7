// The statistics of a whole corpus in one pass: what `segcorpus stats --json` prints and the editor's statistics page shows.
import { DEFAULT_SEVERITIES, FINDING_CODES, FindingCode, LineChecker, checkLine } from './check';
import { ByteChecker } from './byteChecker';
import { MarkTable, buildMarkTable } from './marks';
import { Scheme } from './scheme';
import { ByteStats, CorpusStats, countLine, emptyStats } from './stats';
import { Token, Tokenizer } from './tokens';
import { ByteVocabulary, GrowthCurve, Vocabulary, WordCount } from './vocabulary';

export const DEFAULT_TOP = 20;

export interface StatisticsOptions {
  /** How many of the most frequent words and compounds to list. */
  readonly top?: number;
  /** Also count the problems `segcorpus check` finds line by line (as slow as check: off by default). */
  readonly problems?: boolean;
  /**
   * Count the vocabulary: types, top words and compounds, the growth curve (on by default). A table
   * of every word costs about as much again as the counting; `segcorpus stats` asks for it with
   * --vocabulary, so its plain counts stay at sed's speed.
   */
  readonly vocabulary?: boolean;
}

/**
 * The figures, in the shape `segcorpus stats --json` prints them: the counts of `CorpusStats` (the
 * first eleven fields are the original ones), the histograms as objects, and what is added here.
 */
export interface CorpusStatistics extends Omit<CorpusStats, 'sentenceLengths' | 'wordLengths'> {
  /** Distinct words (single syllables and compounds), as written: case and Unicode form count. With the `vocabulary` option, as the three below. */
  types: number;
  /** compounds / words (0 without words). */
  compoundShare: number;
  /** Sentences per length in words: { "12": 40 } is 40 sentences of 12 words. */
  sentenceLengths: Record<string, number>;
  /** Word tokens per length in syllables. */
  wordLengths: Record<string, number>;
  topWords: WordCount[];
  topCompounds: WordCount[];
  /** [word tokens read, types seen] at fixed steps of word tokens, ending at the whole corpus. */
  growth: Array<[number, number]>;
  /** Findings per rule of the line check (counted with the `problems` option only). */
  problems?: Record<string, number>;
}

/** The rules a line check reports; the segmentation rule needs the whole corpus (`segcorpus consistency`). */
/** What the vocabulary option adds. */
const VOCABULARY_FIGURES = ['types', 'topWords', 'topCompounds', 'growth'] as const;
type VocabularyFigures = (typeof VOCABULARY_FIGURES)[number];

/** The figures as `segcorpus stats --json` prints them: the vocabulary's only with --vocabulary. */
export type StatisticsFigures = Omit<CorpusStatistics, VocabularyFigures> & Partial<Pick<CorpusStatistics, VocabularyFigures>>;

export const LINE_RULES: readonly FindingCode[] = FINDING_CODES.filter((code) => code !== 'inconsistent-segmentation' && code !== 'likely-sentence-break');

const CR = 0x0d;
const LF = 0x0a;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Counts a corpus fed as decoded lines (`addLine`) or as UTF-8 runs of whole lines (`addLines`),
 * one file after another: several files count as if they were one, each file's last line ending
 * with the file. Both feeds give the same figures (a property test holds them to it).
 */
export class StatisticsTally {
  private readonly counts = emptyStats();
  private readonly table: MarkTable;
  private readonly top: number;
  private readonly growth = new GrowthCurve();
  private readonly vocabulary = new Vocabulary();
  private readonly byteVocabulary = new ByteVocabulary();
  private readonly byteStats: ByteStats;
  private readonly problems: Record<string, number> | undefined;
  private readonly counting: boolean;
  private readonly checker: LineChecker | undefined;
  private readonly screen: ByteChecker | undefined;
  private readonly tokenizer: Tokenizer;
  /** Which feed this tally has had: the two keep their vocabularies apart, so one tally takes one. */
  private feed: 'lines' | 'bytes' | undefined;

  constructor(scheme: Scheme, options: StatisticsOptions = {}) {
    this.table = buildMarkTable(scheme);
    this.top = options.top ?? DEFAULT_TOP;
    this.tokenizer = new Tokenizer(scheme);
    this.counting = options.vocabulary ?? true;
    this.byteStats = this.counting ? new ByteStats(scheme, this.byteVocabulary, this.growth) : new ByteStats(scheme);
    if (options.problems) {
      this.problems = Object.fromEntries(LINE_RULES.map((code) => [code, 0]));
      this.checker = new LineChecker(scheme, DEFAULT_SEVERITIES);
      this.screen = new ByteChecker(scheme);
    }
  }

  /** One decoded line (no line break in it). */
  addLine(line: string): void {
    this.use('lines');
    this.addTokens(this.tokenizer.tokenize(line));
  }

  /** A run of whole lines as UTF-8 (the last one may lack its line break at the end of a file). */
  addLines(bytes: Uint8Array): void {
    this.use('bytes');
    this.byteStats.addLines(this.counts, bytes);
    if (this.problems) this.checkLines(bytes);
  }

  /** The figures; without the `vocabulary` option, the vocabulary's are left out. */
  figures(): StatisticsFigures {
    const all: StatisticsFigures = this.result();
    if (this.counting) return all;
    for (const key of VOCABULARY_FIGURES) delete all[key];
    return all;
  }

  result(): CorpusStatistics {
    const c = this.counts;
    const vocabulary = this.feed === 'bytes' ? this.byteVocabulary : this.vocabulary;
    const statistics: CorpusStatistics = {
      lines: c.lines,
      tokens: c.tokens,
      words: c.words,
      compounds: c.compounds,
      syllables: c.syllables,
      placeholders: Object.fromEntries(Object.keys(c.placeholders).sort().map((d) => [d, c.placeholders[d]])),
      unknownPlaceholders: c.unknownPlaceholders,
      gluedPlaceholders: c.gluedPlaceholders,
      punctuation: c.punctuation,
      numbers: c.numbers,
      other: c.other,
      sentences: c.sentences,
      types: vocabulary.types,
      compoundShare: c.words > 0 ? c.compounds / c.words : 0,
      sentenceLengths: histogram(c.sentenceLengths),
      wordLengths: histogram(c.wordLengths),
      topWords: vocabulary.top(this.top, false),
      topCompounds: vocabulary.top(this.top, true),
      growth: this.growth.curve(c.words, vocabulary.types),
    };
    if (this.problems) statistics.problems = { ...this.problems };
    return statistics;
  }

  private use(feed: 'lines' | 'bytes'): void {
    if (this.feed !== undefined && this.feed !== feed) throw new Error('a StatisticsTally takes decoded lines or bytes, not both');
    this.feed = feed;
  }

  private addTokens(tokens: readonly Token[]): void {
    const before = this.counts.words;
    countLine(this.counts, tokens, this.table);
    if (this.counting && this.counts.words > before) {
      let words = before;
      for (const token of tokens) {
        if (token.kind !== 'word' && token.kind !== 'compound') continue;
        this.vocabulary.add(token.text, token.kind === 'compound');
        this.growth.note(++words, this.vocabulary.types);
      }
    }
    if (this.checker) this.countProblems(checkLine(tokens, this.checker));
  }

  // As `segcorpus check` reads a line: on bytes when the screen can answer, else decoded and checked in full.
  private checkLines(bytes: Uint8Array): void {
    const screen = this.screen as ByteChecker;
    const n = bytes.length;
    let start = 0;
    for (let i = 0; i <= n; i++) {
      const b = bytes[i];
      if (i < n && b !== LF && b !== CR) continue;
      if (i === n && start === n) break;
      const found = screen.checkLine(bytes, start, i) ?? checkLine(this.tokenizer.tokenize(decoder.decode(bytes.subarray(start, i))), this.checker as LineChecker);
      this.countProblems(found);
      if (b === CR && bytes[i + 1] === LF) i++;
      start = i + 1;
    }
  }

  private countProblems(found: ReadonlyArray<{ code: FindingCode }>): void {
    const problems = this.problems as Record<string, number>;
    for (const f of found) problems[f.code] = (problems[f.code] ?? 0) + 1;
  }
}

/** The mean length of a histogram ({ "12": 40 }: 40 of length 12); 0 when it is empty. */
export function histogramMean(histogram: Record<string, number>): number {
  let total = 0;
  let weighted = 0;
  for (const [n, count] of Object.entries(histogram)) {
    total += count;
    weighted += Number(n) * count;
  }
  return total > 0 ? weighted / total : 0;
}

function histogram(counts: readonly number[]): Record<string, number> {
  const result: Record<string, number> = {};
  counts.forEach((count, n) => {
    if (count > 0) result[String(n)] = count;
  });
  return result;
}
