// Problems in a line that a corpus cleaner must see: unmatched pairs, unknown and glued placeholders.
import { pairPlaceholders } from './pairs';
import { Token } from './tokens';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingCode = 'unmatched-pair' | 'unknown-placeholder' | 'glued-placeholder';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** UTF-16 offsets in the line. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, Severity>> = {
  'unmatched-pair': 'error',
  'unknown-placeholder': 'warning',
  'glued-placeholder': 'warning',
};

export function checkLine(tokens: readonly Token[], severities: Readonly<Record<FindingCode, Severity>> = DEFAULT_SEVERITIES): Finding[] {
  const findings: Finding[] = [];
  const pairs = pairPlaceholders(tokens);
  tokens.forEach((token, index) => {
    if (token.digit === undefined) return;
    const { start, end } = token;
    if (token.role === 'unknown') {
      findings.push({
        code: 'unknown-placeholder',
        severity: severities['unknown-placeholder'],
        start,
        end: start + 1,
        message: `unknown placeholder '${token.digit}': the scheme does not define this digit`,
      });
    }
    if (token.kind === 'glued') {
      findings.push({
        code: 'glued-placeholder',
        severity: severities['glued-placeholder'],
        start,
        end,
        message: `placeholder '${token.digit}' is glued to '${token.text.slice(1)}': tokens should be separated by a space`,
      });
    }
    const link = pairs.get(index);
    if (link && link.partner === undefined) {
      findings.push({
        code: 'unmatched-pair',
        severity: severities['unmatched-pair'],
        start,
        end: start + 1,
        message: `unmatched pair placeholder '${token.digit}': no closing '${token.digit}' after it in this line`,
      });
    }
  });
  return findings;
}
