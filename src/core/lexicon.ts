// A lexicon of known words for the consistency check: a plain text file, one word a line, syllables joined by `_`.

/**
 * The words of a lexicon file. `#` starts a comment (to the end of the line); blank lines are
 * skipped; syllables may also be separated by spaces (`nâng cao` reads as `nâng_cao`). A
 * one-syllable word has nothing to split and is left out.
 */
export function parseLexicon(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const hash = raw.indexOf('#');
    const syllables = (hash >= 0 ? raw.slice(0, hash) : raw)
      .replace(/^\ufeff/, '')
      .split(/[\s_]+/)
      .filter((s) => s !== '');
    if (syllables.length >= 2) words.push(syllables.join('_'));
  }
  return words;
}
