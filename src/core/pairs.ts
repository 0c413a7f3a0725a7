// Pairing of pair placeholders within a line: which open, which close, and who is whose partner.
import { NormalizePlan, pairSidesOfTokens, planNormalize } from './normalize';
import { Scheme } from './scheme';
import { Token } from './tokens';

export interface PairLink {
  /** Index of the placeholder token in the line's tokens. */
  readonly index: number;
  readonly side: 'open' | 'close';
  /** Index of the other end, or undefined when this one is unmatched. */
  readonly partner: number | undefined;
}

/**
 * What pairs are read with: the normalize plan in use (its options decide what the typesetter sees:
 * an empty number rendering, kept underscores), or a scheme, read with its default plan.
 */
export type PairReading = Scheme | NormalizePlan;

const plans = new WeakMap<Scheme, NormalizePlan>();

function planOf(reading: PairReading): NormalizePlan {
  if ('digits' in reading) return reading;
  let plan = plans.get(reading);
  if (!plan) plans.set(reading, (plan = planNormalize(reading)));
  return plan;
}

/**
 * Links every pair placeholder (lone or glued) of a line to its partner. The scheme marks no
 * direction, so it is read from the context exactly as normalize reads it (Typesetter in
 * typesetter.ts): a pair mark before a final mark, a separator or the line end closes; otherwise it
 * opens at the start of a line, after a separator or after an opening mark (nesting), and closes
 * the innermost open one of its digit elsewhere (or opens, when none is open). Openers left over
 * are unmatched.
 */
export function pairPlaceholders(tokens: readonly Token[], reading: PairReading): Map<number, PairLink> {
  const links = new Map<number, PairLink>();
  if (!tokens.some((t) => t.role === 'pair')) return links;
  const sides = pairSidesOfTokens(tokens, planOf(reading));
  const open = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    if (token.role !== 'pair' || token.digit === undefined) return;
    const stack = open.get(token.digit) ?? [];
    open.set(token.digit, stack);
    if (sides.get(token.start) !== 'close' || stack.length === 0) {
      stack.push(index);
      links.set(index, { index, side: 'open', partner: undefined });
    } else {
      const opener = stack.pop() as number;
      links.set(opener, { index: opener, side: 'open', partner: index });
      links.set(index, { index, side: 'close', partner: opener });
    }
  });
  return links;
}

/** The partner of the pair placeholder at `index`, if it has one. */
export function pairPartner(tokens: readonly Token[], index: number, reading: PairReading): number | undefined {
  return pairPlaceholders(tokens, reading).get(index)?.partner;
}
