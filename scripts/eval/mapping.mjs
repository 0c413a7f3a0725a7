// The lossy mappings of the evaluation: segmenter words → placeholder corpus line, and original paragraph → reference text.
//
// Both sides must lose exactly the same information, or the comparison measures the mapping
// instead of the normalizer. The placeholder scheme is the sample corpus's:
//   6  a paired mark: every quote and bracket, opening or closing
//   7  a separator: , ; : – — … ... and a spaced hyphen used as a dash
//   1  a number
//   .  !  ?  stay literal tokens; every other symbol stays a literal token too.
// The reference writes those same classes back as the normalizer's scheme would: pairs as “ ”
// (alternating), separators as `,`, numbers as the normalizer's number form.

/** Opening and closing quotes and brackets: all become placeholder 6 and, in the reference, “ / ”. */
const OPENERS = '“([{«‘';
const CLOSERS = '”)]}»’';
/** Straight double quotes carry no direction: in the reference they alternate open/close. */
const STRAIGHT_QUOTE = '"';
const PAIRED = new Set([...OPENERS, ...CLOSERS, STRAIGHT_QUOTE]);

/** Marks that the sample writes as placeholder 7 (the sample's 7 covers commas and colons). */
const SEPARATORS = new Set([',', ';', ':', '–', '—', '…', '...']);

/**
 * A number: digits, possibly with inner . , : / - – between digit groups (1.0, 1,000, 12:30, 4-7, 1–7).
 * ASCII digits only, as vntk's tokenizer (\d) sees them.
 */
const NUMBER = /^[0-9]+(?:[.,:/\-–][0-9]+)*$/;
/** Characters that can join two digit groups into one number. */
const NUMBER_JOINERS = new Set(['.', ',', ':', '/', '-', '–']);

// Only the edges that touch the joiner matter: vntk sometimes makes one word of a symbol and a
// syllable (`= dpkg`), and `= dpkg-buildpackage` is still one hyphenated word.
const endsAlnum = (text) => /[\p{L}\p{N}]$/u.test(text);
const startsAlnum = (text) => /^[\p{L}\p{N}]/u.test(text);

/**
 * Aligns segmenter words with the original paragraph. Returns, for each word, whether white space
 * preceded and followed it in the original, or `changed: true` when the words (spaces ignored)
 * do not spell the original's characters (spaces ignored): the segmenter altered the text.
 */
export function align(original, words) {
  const isSpace = (ch) => /\s/.test(ch);
  const items = [];
  let i = 0;
  for (const word of words) {
    let spaceBefore = i === 0;
    while (i < original.length && isSpace(original[i])) {
      spaceBefore = true;
      i++;
    }
    for (const ch of word) {
      if (isSpace(ch)) {
        // Spaces between a word's syllables: the original may have had white space there or not.
        while (i < original.length && isSpace(original[i])) i++;
        continue;
      }
      // `ch` is a code point: compare and advance by its UTF-16 length (astral characters are 2).
      if (!original.startsWith(ch, i)) return { changed: true, items: words.map((text) => ({ text, spaceBefore: true, spaceAfter: true })) };
      i += ch.length;
    }
    items.push({ text: word, spaceBefore, spaceAfter: false });
  }
  if (original.slice(i).trim() !== '') return { changed: true, items: words.map((text) => ({ text, spaceBefore: true, spaceAfter: true })) };
  for (let k = 0; k < items.length; k++) items[k].spaceAfter = k + 1 === items.length || items[k + 1].spaceBefore;
  return { changed: false, items };
}

/**
 * Re-glues what the segmenter's regex pre-tokenizer split but a corpus keeps as one token, judged
 * from the original's spacing (so only when the alignment succeeded):
 * - a hyphen inside a word: the format keeps it literal inside the token (`kinh_tế-xã_hội`);
 * - the parts of one number (`1` `–` `7`, `1.0` `-` `1`), so that a number is one placeholder, as in the reference.
 */
function glue(items) {
  const out = [];
  for (let k = 0; k < items.length; k++) {
    const joiner = items[k];
    const prev = out[out.length - 1];
    const next = items[k + 1];
    const tight = prev && next && !joiner.spaceBefore && !next.spaceBefore;
    const hyphenInWord = tight && joiner.text === '-' && endsAlnum(prev.text) && startsAlnum(next.text);
    const numberParts = tight && NUMBER_JOINERS.has(joiner.text) && NUMBER.test(prev.text) && NUMBER.test(next.text);
    if (hyphenInWord || numberParts) {
      out[out.length - 1] = { text: prev.text + joiner.text + next.text, spaceBefore: prev.spaceBefore, spaceAfter: next.spaceAfter };
      k++;
    } else {
      out.push(joiner);
    }
  }
  return out;
}

/** One placeholder corpus line from the segmenter's words (each word's syllables separated by spaces). */
export function toPlaceholderLine(original, words) {
  const { changed, items } = align(original, words);
  const tokens = (changed ? items : glue(items)).map(({ text, spaceBefore, spaceAfter }) => {
    if (NUMBER.test(text)) return '1';
    if (PAIRED.has(text)) return '6';
    if (SEPARATORS.has(text)) return '7';
    // A hyphen with white space on both sides is a dash, i.e. a separator.
    if (text === '-' && spaceBefore && spaceAfter) return '7';
    return text.split(/\s+/).join('_');
  });
  return { line: tokens.join(' '), changed };
}

/**
 * Whether the original has a code-like word: once its surrounding quotes, brackets and
 * punctuation are set aside, a word holding a symbol other than an inner hyphen (`debian/rules`,
 * `*.so`, `-p`, `arch=all`, `Debian's`) that is not a number. The segmenter's pre-tokenizer cuts
 * such words at every symbol and nothing in a segmented line says where the pieces touched, so
 * their differences measure the segmenter, not the normalizer's rules.
 */
export function hasCodeLikeWord(original) {
  return original.split(/\s+/).some((chunk) => {
    const word = chunk.replace(/^[“"'‘([{«]+/, '').replace(/[”"'’)\]}»,.;:!?…]+$/, '');
    if (word === '' || NUMBER.test(word)) return false;
    return /[^\p{L}\p{N}\-–]/u.test(word) || /^-|-$/.test(word);
  });
}

/**
 * The original paragraph put through the same lossy mapping: numbers → `numberForm`, separators →
 * `,`, quotes and brackets → “ ”. The original's spacing is kept, except that a dash or an
 * ellipsis, now a comma, loses the space before it as a comma would.
 */
export function toReference(original, numberForm = '1') {
  let text = original
    // Numbers first, so that the , . : - inside them are not taken for separators.
    .replace(/[\p{L}\p{N}]+(?:[.,:/\-–][\p{L}\p{N}]+)*/gu, (run) => (NUMBER.test(run) ? numberForm : run))
    .replace(/\s+-\s+/g, ', ')
    .replace(/\s*(?:\.\.\.|…|[–—])/g, ',')
    .replace(/[;:]/g, ',');
  let open = true;
  text = Array.from(text, (ch) => {
    if (OPENERS.includes(ch)) return '“';
    if (CLOSERS.includes(ch)) return '”';
    if (ch === STRAIGHT_QUOTE) {
      const mark = open ? '“' : '”';
      open = !open;
      return mark;
    }
    return ch;
  }).join('');
  return text.replace(/\s+/g, ' ').trim();
}
