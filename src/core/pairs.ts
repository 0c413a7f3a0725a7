// Pairing of pair placeholders within a line: they open and close alternately, per digit.
import { Token } from './tokens';

export interface PairLink {
  /** Index of the placeholder token in the line's tokens. */
  readonly index: number;
  readonly side: 'open' | 'close';
  /** Index of the other end, or undefined when this one is unmatched. */
  readonly partner: number | undefined;
}

/**
 * Links every pair placeholder (lone or glued) of a line to its partner. The scheme marks no
 * direction, so the first of a digit opens, the next closes, and so on: an odd count leaves the
 * last opener unmatched.
 */
export function pairPlaceholders(tokens: readonly Token[]): Map<number, PairLink> {
  const links = new Map<number, PairLink>();
  const openAt = new Map<string, number>();
  tokens.forEach((token, index) => {
    if (token.role !== 'pair' || token.digit === undefined) return;
    const opener = openAt.get(token.digit);
    if (opener === undefined) {
      openAt.set(token.digit, index);
      links.set(index, { index, side: 'open', partner: undefined });
    } else {
      openAt.delete(token.digit);
      links.set(opener, { index: opener, side: 'open', partner: index });
      links.set(index, { index, side: 'close', partner: opener });
    }
  });
  return links;
}

/** The partner of the pair placeholder at `index`, if it has one. */
export function pairPartner(tokens: readonly Token[], index: number): number | undefined {
  return pairPlaceholders(tokens).get(index)?.partner;
}
