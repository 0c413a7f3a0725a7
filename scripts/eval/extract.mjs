// Extracts running Vietnamese prose paragraphs from the DocBook HTML of Debian's maint-guide-vi.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Selection thresholds. The guide is a packaging manual: besides prose it holds shell sessions,
 * file listings, tables and one-line list items. We keep what reads as running text.
 */
export const EXTRACT_LIMITS = {
  /** Fewer words than this is a label or a list stub, not a paragraph. */
  minWords: 6,
  /** ...and so is anything shorter than this many characters. */
  minChars: 30,
  /**
   * Share of words carrying a non-ASCII letter (a diacritic). Vietnamese prose scores about
   * 0.6–0.8; untranslated English passages and option lists score near 0.
   */
  minVietnameseShare: 0.3,
  /** Enough for a stable figure, small enough for the whole run to stay well under 2 minutes. */
  maxParagraphs: 1500,
};

/** Named entities that DocBook's XHTML output uses; numeric ones are decoded generically. */
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Plain text of an HTML fragment, on one line, NFC, single spaces. */
function htmlToText(fragment) {
  const text = decodeEntities(fragment.replace(/<[^>]*>/g, ''))
    // DocBook inserts zero-width spaces as line-break hints in long file names: layout, not text.
    .replace(/\u200b/g, '')
    .normalize('NFC');
  // \s covers the no-break spaces of "Phần 1.4" and the source's line wrapping.
  return text.replace(/\s+/g, ' ').trim();
}

/** Why a paragraph is left out, or undefined when it is kept. */
function rejection(text) {
  const words = text.split(' ');
  if (words.length < EXTRACT_LIMITS.minWords || text.length < EXTRACT_LIMITS.minChars) return 'short';
  // `_` is the format's syllable joiner: a literal one (dh_make, ${misc:Depends}) cannot round-trip.
  if (text.includes('_')) return 'underscore';
  // A URL or e-mail address cannot survive placeholder mapping either: its `:` would become a
  // separator placeholder and its dots sentence ends, so such a paragraph measures the mapping.
  if (/:\/\/|www\.|@\w/.test(text)) return 'url/email';
  const vietnamese = words.filter((w) => /(?![\p{ASCII}])\p{L}/u.test(w)).length;
  if (vietnamese / words.length < EXTRACT_LIMITS.minVietnameseShare) return 'not Vietnamese';
  return undefined;
}

/**
 * The guide's paragraphs, in file order, as { file, text }, with counts of what was skipped and why.
 * Only class-less <p> elements count: DocBook gives its metadata paragraphs (copyright, release
 * info) a class, and writes code and shell sessions as <pre>, which is removed first.
 */
export function extractParagraphs(htmlDir) {
  const files = readdirSync(htmlDir).filter((f) => f.endsWith('.html')).sort();
  const paragraphs = [];
  const skipped = { short: 0, underscore: 0, 'url/email': 0, 'not Vietnamese': 0, duplicate: 0, 'over cap': 0 };
  const seen = new Set();
  let total = 0;
  for (const file of files) {
    const html = readFileSync(join(htmlDir, file), 'utf8')
      .replace(/<pre\b[\s\S]*?<\/pre>/g, '') // code, shell sessions, file listings
      .replace(/<table\b[\s\S]*?<\/table>/g, '') // navigation bars and the few tables
      // Footnote markers ("[1]") and their back-links are links, not words of the sentence.
      .replace(/<a\b[^>]*class="(?:footnote|para)"[^>]*>[\s\S]*?<\/a>/g, '');
    for (const match of html.matchAll(/<p>([\s\S]*?)<\/p>/g)) {
      total++;
      const text = htmlToText(match[1]);
      const why = rejection(text);
      if (why) {
        skipped[why]++;
      } else if (seen.has(text)) {
        skipped.duplicate++;
      } else if (paragraphs.length >= EXTRACT_LIMITS.maxParagraphs) {
        skipped['over cap']++;
      } else {
        seen.add(text);
        paragraphs.push({ file, text });
      }
    }
  }
  return { paragraphs, total, skipped };
}
