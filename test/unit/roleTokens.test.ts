import * as assert from 'assert';
import fc from 'fast-check';
import { ROLE_TOKEN_TYPES, RoleToken, SchemeColouring, decodeRoleTokens, encodeRoleTokens } from '../../src/core/roleTokens';
import { DEFAULT_SCHEME, Scheme, extendScheme } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

function scan(scheme: Scheme, line: string, from = 0, to = line.length): string[] {
  const out: RoleToken[] = [];
  new SchemeColouring(scheme).scanLine(line, 0, from, to, out);
  return out.map((t) => `${line[t.start]}@${t.start}:${t.role}${t.glued ? '+glued' : ''}`);
}

const NINE_SEPARATOR = extendScheme(DEFAULT_SCHEME, { '9': { role: 'separator', mark: ';' } });

describe('role tokens (placeholder colours by the scheme in use)', () => {
  it('colours nothing with the default scheme: the grammar already shows it', () => {
    const colouring = new SchemeColouring(DEFAULT_SCHEME);
    assert.strictEqual(colouring.differs, false);
    assert.deepStrictEqual(scan(DEFAULT_SCHEME, SAMPLE), []);
  });

  it('colours a digit the scheme redefines, alone or glued, and leaves the default ones to the grammar', () => {
    assert.deepStrictEqual(scan(NINE_SEPARATOR, 'Ngày 4 9 Chủ_tịch 7 nói 9. 19 9x 6 9 6'), ['9@7:separator', '9@24:separator+glued', '9@35:separator']);
  });

  it('colours a digit the scheme removes as unknown, and a digit moved to another role by its new role', () => {
    const scheme = extendScheme(DEFAULT_SCHEME, { '7': null, '6': { role: 'separator', mark: '|' } });
    assert.deepStrictEqual(scan(scheme, '6 Đặt_hàng 6 Ngày 4 7 Chủ_tịch 7.'), ['6@0:separator', '6@11:separator', '7@20:unknown', '7@31:unknown+glued']);
  });

  it('leaves a removed digit inside a date (23 / 7 / 2024) uncoloured as unknown, as check leaves it unreported', () => {
    const scheme = extendScheme(DEFAULT_SCHEME, { '7': null });
    assert.deepStrictEqual(scan(scheme, 'ngày 23 / 7 / 2024 7 tháng 7 / 2024 7'), ['7@19:unknown', '7@36:unknown']);
  });

  it('widens the range asked to whole tokens and stops at its end', () => {
    const line = 'a 9 b 9. c 9 d';
    assert.deepStrictEqual(scan(NINE_SEPARATOR, line, 7, 8), ['9@6:separator+glued']);
    assert.deepStrictEqual(scan(NINE_SEPARATOR, line, 3, 9), ['9@6:separator+glued']);
    assert.deepStrictEqual(scan(NINE_SEPARATOR, line, 0, 3), ['9@2:separator']);
  });

  it('has one legend entry per role', () => {
    assert.deepStrictEqual([...ROLE_TOKEN_TYPES], ['placeholderPair', 'placeholderSeparator', 'placeholderNumber', 'placeholderDate', 'placeholderUnknown']);
  });

  it('encodes tokens relative to the one before, as the editor reads them', () => {
    const tokens: RoleToken[] = [
      { line: 2, start: 5, role: 'pair', glued: false },
      { line: 2, start: 9, role: 'separator', glued: true },
      { line: 7, start: 3, role: 'unknown', glued: false },
    ];
    assert.deepStrictEqual([...encodeRoleTokens(tokens)], [2, 5, 1, 0, 0, 0, 4, 1, 1, 1, 5, 3, 1, 4, 0]);
  });

  const roleArb = fc.constantFrom('pair' as const, 'separator' as const, 'number' as const, 'date' as const, 'unknown' as const);

  it('property: decoding the encoded tokens gives back each token\'s role and span', () => {
    const tokenArb = fc.record({ line: fc.nat({ max: 1000 }), start: fc.nat({ max: 5000 }), role: roleArb, glued: fc.boolean() });
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 60 }), (raw) => {
        // The editor takes tokens in document order, one per position.
        const seen = new Set<string>();
        const tokens = raw
          .filter((t) => !seen.has(`${t.line}:${t.start}`) && seen.add(`${t.line}:${t.start}`))
          .sort((a, b) => a.line - b.line || a.start - b.start);
        const decoded = decodeRoleTokens(encodeRoleTokens(tokens));
        assert.deepStrictEqual(decoded, tokens.map((t) => ({ ...t, length: 1 })));
      }),
    );
  });

  // Lines of digits, words, marks and digits glued to marks, with any scheme.
  const pieceArb = fc.oneof(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), fc.constantFrom('Chủ_tịch', 'trẻ', '2007', '/', '.', '…', '7.', '9,', '6”', '5x', '23'));
  const lineArb = fc.array(fc.tuple(pieceArb, fc.constantFrom(' ', '  ', '\t')), { maxLength: 30 }).map((parts) => parts.map(([p, g]) => p + g).join(''));
  const overrideArb = fc.dictionary(
    fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'),
    fc.oneof(fc.constant(null), fc.constant({ role: 'pair', open: '«', close: '»' }), fc.constant({ role: 'separator', mark: ';' }), fc.constant({ role: 'number' }), fc.constant({ role: 'date' })),
  );

  it('property: every placeholder the tokenizer reads with a role other than the default one is coloured with its role, and nothing else', () => {
    fc.assert(
      fc.property(lineArb, overrideArb, (line, overrides) => {
        const scheme = extendScheme(DEFAULT_SCHEME, overrides);
        const scheme0 = new Tokenizer(DEFAULT_SCHEME);
        const byScheme = new Tokenizer(scheme).tokenize(line);
        const before = scheme0.tokenize(line);
        const out: RoleToken[] = [];
        new SchemeColouring(scheme).scanLine(line, 0, 0, line.length, out);
        const coloured = new Map(out.map((t) => [t.start, t]));
        byScheme.forEach((token, k) => {
          const got = coloured.get(token.start);
          const isPlaceholder = token.kind === 'placeholder' || token.kind === 'glued';
          if (!isPlaceholder || token.role === before[k].role) {
            assert.strictEqual(got, undefined, `${token.text} at ${token.start} needs no colour`);
          } else if (got) {
            assert.strictEqual(got.role, token.role);
            assert.strictEqual(got.glued, token.kind === 'glued');
          } else {
            // Only a removed digit inside a date is left to the grammar.
            assert.strictEqual(token.role, 'unknown', `${token.text} at ${token.start} is coloured`);
            assert.match(line, /\//);
          }
        });
        assert.ok(out.every((t) => byScheme.some((token) => token.start === t.start)), 'colours only token starts');
      }),
    );
  });

  it('property: a range gives the tokens of the whole line that touch it', () => {
    fc.assert(
      fc.property(lineArb, overrideArb, fc.nat(), fc.nat(), (line, overrides, a, b) => {
        const scheme = extendScheme(DEFAULT_SCHEME, overrides);
        const from = line.length ? a % (line.length + 1) : 0;
        const to = from + (line.length ? b % (line.length - from + 1) : 0);
        const colouring = new SchemeColouring(scheme);
        const whole: RoleToken[] = [];
        colouring.scanLine(line, 0, 0, line.length, whole);
        const part: RoleToken[] = [];
        colouring.scanLine(line, 0, from, to, part);
        const tokens = new Tokenizer(scheme).tokenize(line);
        const endOf = (start: number): number => tokens.find((k) => k.start === start)?.end ?? -1;
        // Nothing outside the range widened to whole tokens, and every token that starts inside it.
        for (const t of part) {
          assert.ok(whole.some((w) => w.start === t.start), 'a part token is a whole-line token');
          assert.ok(endOf(t.start) > from && t.start <= to, `token at ${t.start} touches [${from}, ${to})`);
        }
        for (const t of whole) if (t.start >= from && t.start < to) assert.ok(part.some((p) => p.start === t.start), `token at ${t.start} in [${from}, ${to})`);
      }),
    );
  });
});
