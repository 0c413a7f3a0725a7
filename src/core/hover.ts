// What the hover shows for a position in a line: the cleaned sentence around it, and what a placeholder stands for.
import { MessageId, message, messageText } from './messages';
import { NormalizePlan, normalizeLineMapped } from './normalize';
import { pairPlaceholders } from './pairs';
import { restoredMark } from './restore';
import { PlaceholderRole, Scheme } from './scheme';
import { SentenceSpan, sentenceOfToken, sentenceSpans } from './sentences';
import { Token, Tokenizer } from './tokens';

export interface PlaceholderInfo {
  readonly digit: string;
  readonly role: PlaceholderRole | 'unknown';
  /** What restore writes for it, or undefined for numbers, dates and unknown digits. */
  readonly restoresTo: string | undefined;
  /** What normalize writes for the token (possibly nothing, e.g. a dropped separator). */
  readonly normalizesTo: string;
  /** For a pair: which end this is, and its partner token (undefined when unmatched). */
  readonly side?: 'open' | 'close';
  readonly partner?: Token;
}

export interface HoverInfo {
  /** The hovered token and its offsets in the line. */
  readonly token: Token;
  readonly tokenIndex: number;
  /** The sentence's span in the line. */
  readonly sentence: SentenceSpan;
  /** The sentence normalized, with the hovered token's output range (empty when it leaves nothing). */
  readonly cleaned: string;
  readonly cleanedStart: number;
  readonly cleanedEnd: number;
  readonly placeholder?: PlaceholderInfo;
}

/** The index of the token at UTF-16 offset `offset` (the token just before it, when on its end). */
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid];
    if (offset < t.start) hi = mid - 1;
    else if (offset > t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Hover information at `offset` in `line`, or undefined when it is not on a token. Only the hovered
 * sentence is normalized; the line is tokenized once, which is linear and cheap.
 */
export function hoverAt(line: string, offset: number, scheme: Scheme, plan: NormalizePlan, tokenizer = new Tokenizer(scheme)): HoverInfo | undefined {
  const tokens = tokenizer.tokenize(line);
  const tokenIndex = tokenIndexAt(tokens, offset);
  if (tokenIndex < 0) return undefined;
  const token = tokens[tokenIndex];
  const spans = sentenceSpans(tokens, scheme);
  // The sentences cover every token of the line: the hovered one is in one.
  const sentence = sentenceOfToken(spans, tokenIndex) as SentenceSpan;
  const mapped = normalizeLineMapped(line, plan, { first: sentence.firstToken, last: sentence.lastToken });
  const where = mapped.tokens[tokenIndex - sentence.firstToken];
  const info: HoverInfo = {
    token,
    tokenIndex,
    sentence,
    cleaned: mapped.text,
    cleanedStart: where.outStart,
    cleanedEnd: where.outEnd,
  };
  if (token.digit === undefined) return info;
  const link = token.role === 'pair' ? pairPlaceholders(tokens, plan).get(tokenIndex) : undefined;
  const normalizesTo = mapped.text.slice(where.outStart, where.outEnd);
  const placeholder: PlaceholderInfo = {
    digit: token.digit,
    role: token.role ?? 'unknown',
    restoresTo: restoredMark(token, link?.side, scheme),
    normalizesTo,
    ...(link ? { side: link.side, partner: link.partner === undefined ? undefined : tokens[link.partner] } : {}),
  };
  return { ...info, placeholder };
}

/**
 * Text as markdown shows it literally: markdown's punctuation escaped with a backslash, and `<`
 * and `&` as entities (the hover renders the little HTML used for bold).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~>]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

const ROLE_NAMES: Record<PlaceholderInfo['role'], MessageId> = {
  pair: 'rolePair',
  separator: 'roleSeparator',
  number: 'roleNumber',
  date: 'roleDate',
  unknown: 'roleUnknown',
};

/** Says a message: in English, or translated by the editor. */
export type Say = (id: MessageId, ...args: string[]) => string;

const inEnglish: Say = (id, ...args) => messageText(message(id, ...args));

/**
 * The hover as markdown: the cleaned sentence with the hovered part in bold, then what a
 * placeholder stands for. Bold is `<strong>`, not `**`: markdown does not make `**,**` bold next to
 * a word (a delimiter run touching punctuation must have a space or punctuation on its other
 * side), so a 7 showed `**,**`. `partnerLink` is the link target that moves the cursor to the
 * partner of a pair (the "column 333" of a long line), when the caller has one. `say` writes its
 * sentences (the editor passes one that translates).
 */
export function hoverMarkdown(info: HoverInfo, partnerLink?: string, say: Say = inEnglish): string {
  const { cleaned, cleanedStart, cleanedEnd } = info;
  const parts: string[] = [];
  if (cleanedEnd > cleanedStart) {
    parts.push(escapeMarkdown(cleaned.slice(0, cleanedStart)), '<strong>', escapeMarkdown(cleaned.slice(cleanedStart, cleanedEnd)), '</strong>', escapeMarkdown(cleaned.slice(cleanedEnd)));
  } else {
    parts.push(escapeMarkdown(cleaned));
  }
  const p = info.placeholder;
  if (p) {
    // The digit is one character 0-9: a code span needs no escaping.
    parts.push('\n\n---\n\n', `\`${p.digit}\`: ${escapeMarkdown(say(ROLE_NAMES[p.role]))}`);
    if (p.restoresTo !== undefined) parts.push(` → ${escapeMarkdown(p.restoresTo)}`);
    if (p.side) {
      if (p.partner) {
        const column = escapeMarkdown(say('column', String(p.partner.start + 1)));
        // The link title sits in double quotes: a quote in a translation would end it.
        const where = partnerLink ? `[${column}](${partnerLink} "${say('goToPartner').replace(/"/g, "'")}")` : column;
        parts.push(` · ${say(p.side === 'open' ? 'opensPartnerAt' : 'closesPartnerAt', where)}`);
      } else {
        parts.push(` · ${escapeMarkdown(say('unmatchedInLine'))}`);
      }
    }
    if (p.normalizesTo === '' && p.role === 'separator') parts.push(` · ${escapeMarkdown(say('droppedWhenNormalized'))}`);
  }
  return parts.join('');
}
