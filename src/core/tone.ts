// Tone-mark placement in open oa/oe/uy syllables: old style (hòa, khỏe, thúy) or new style (hoà, khoẻ, thuý).

export type ToneStyle = 'keep' | 'old' | 'new';

// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above, dot below).
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
// Runs of Latin letters with their combining marks: one syllable each (underscores and hyphens split).
const SYLLABLE = /[\p{Script=Latin}\u0300-\u036f]+/gu;

/**
 * Moves the tone mark of open oa/oe/uy syllables to the chosen vowel, leaving everything else as it
 * is. A syllable it changes comes out in NFC; all other text is untouched, whatever its form.
 */
export function applyToneStyle(text: string, style: ToneStyle): string {
  if (style === 'keep') return text;
  return text.replace(SYLLABLE, (syllable) => restyleSyllable(syllable, style));
}

function restyleSyllable(syllable: string, style: 'old' | 'new'): string {
  const decomposed = syllable.normalize('NFD');
  const toneMatch = TONE_MARKS.exec(decomposed);
  if (!toneMatch) return syllable;
  const tone = toneMatch[0];
  const bare = decomposed.replace(TONE_MARKS, '');
  // Only bare o/u + a/e/y at the very end: an open syllable with no other diacritic on its nucleus.
  const m = /^(.*?)([oOuU])([aAeEyY])$/u.exec(bare);
  if (!m) return syllable;
  const [, onset, first, second] = m;
  const pair = (first + second).toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return syllable;
  // In "qu" the u belongs to the consonant: quý has one vowel, its tone never moves.
  if ((first === 'u' || first === 'U') && /[qQ]$/u.test(onset)) return syllable;
  // A nucleus vowel carrying another diacritic (ơ, ư, â, ă, ê) is not this pattern.
  if (/[\u0302\u0306\u031b]$/u.test(onset)) return syllable;
  const restyled = style === 'old' ? onset + first + tone + second : onset + first + second + tone;
  const composed = restyled.normalize('NFC');
  return composed === syllable.normalize('NFC') ? syllable : composed;
}
