// The text summary of `segcorpus stats`: the figures a person reads at a glance, aligned in two columns, labelled in the CLI's language.
import { StatisticsFigures, histogramMean as mean } from '../core/corpusStatistics';
import { say } from './messages';

/** Words listed on one line of the summary (the JSON has all of --top). */
const LISTED = 10;

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function statsSummary(s: StatisticsFigures): string {
  const rows: Array<[string, string | number]> = [
    [say('statLines'), s.lines],
    [say('statTokens'), s.tokens],
    [say('statWords'), s.words],
    [say('statCompounds'), s.compounds],
    [say('statSyllables'), s.syllables],
    ...Object.keys(s.placeholders).map((d): [string, number] => [say('statPlaceholder', d), s.placeholders[d]]),
    [say('statUnknownPlaceholders'), s.unknownPlaceholders],
    [say('statGluedPlaceholders'), s.gluedPlaceholders],
    [say('statPunctuation'), s.punctuation],
    [say('statNumbers'), s.numbers],
    [say('statOther'), s.other],
    [say('statSentences'), s.sentences],
    ...(s.types !== undefined ? [[say('statTypes'), s.types] as [string, number]] : []),
    [say('statCompoundShare'), percent(s.compoundShare)],
    [say('statWordsPerSentence'), mean(s.sentenceLengths).toFixed(1)],
    [say('statSyllablesPerWord'), mean(s.wordLengths).toFixed(2)],
    // The vocabulary rows come with --vocabulary (or --top).
    ...(s.types !== undefined && s.topWords && s.topCompounds
      ? ([
          [say('statTypeTokenRatio'), s.words > 0 ? (s.types / s.words).toFixed(3) : '0'],
          [say('statTopWords'), s.topWords.slice(0, LISTED).map((w) => `${w.word} ${w.count}`).join(', ')],
          [say('statTopCompounds'), s.topCompounds.slice(0, LISTED).map((w) => `${w.word} ${w.count}`).join(', ')],
        ] as Array<[string, string]>)
      : []),
    ...Object.entries(s.problems ?? {}).map(([code, count]): [string, number] => [say('statProblems', code), count]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd() + '\n').join('');
}
