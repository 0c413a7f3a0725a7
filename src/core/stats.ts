// Corpus statistics: tokens, words, compounds, syllables and placeholders per digit.
import { Token } from './tokens';

export interface CorpusStats {
  lines: number;
  tokens: number;
  /** Word tokens: single syllables and compounds. */
  words: number;
  compounds: number;
  /** Syllables of word tokens (a compound counts each of its syllables). */
  syllables: number;
  /** Placeholder tokens (lone or glued) per digit, the unknown ones included. */
  placeholders: Record<string, number>;
  unknownPlaceholders: number;
  gluedPlaceholders: number;
  punctuation: number;
  numbers: number;
  other: number;
}

export function emptyStats(): CorpusStats {
  return { lines: 0, tokens: 0, words: 0, compounds: 0, syllables: 0, placeholders: {}, unknownPlaceholders: 0, gluedPlaceholders: 0, punctuation: 0, numbers: 0, other: 0 };
}

/** Adds one line's tokens to `stats`. */
export function countLine(stats: CorpusStats, tokens: readonly Token[]): void {
  stats.lines++;
  stats.tokens += tokens.length;
  for (const token of tokens) {
    switch (token.kind) {
      case 'word':
        stats.words++;
        stats.syllables++;
        break;
      case 'compound':
        stats.words++;
        stats.compounds++;
        stats.syllables += token.text.split('_').filter((s) => s.length > 0).length;
        break;
      case 'placeholder':
      case 'glued': {
        const digit = token.digit as string;
        stats.placeholders[digit] = (stats.placeholders[digit] ?? 0) + 1;
        if (token.role === 'unknown') stats.unknownPlaceholders++;
        if (token.kind === 'glued') stats.gluedPlaceholders++;
        break;
      }
      case 'punctuation':
        stats.punctuation++;
        break;
      case 'number':
        stats.numbers++;
        break;
      default:
        stats.other++;
    }
  }
}
