// The byte screen of check answers a line only when it gives exactly LineChecker's findings.
import * as assert from 'assert';
import fc from 'fast-check';
import { ByteChecker, wordEnd } from '../../src/core/byteChecker';
import { viewOf } from '../../src/core/byteTokens';
import { Finding, LineChecker, checkLine } from '../../src/core/check';
import { DEFAULT_SCHEME, Scheme, schemeFromJson } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

const encoder = new TextEncoder();

/** LineChecker's findings, which the byte screen gives exactly, message ids included. */
function lineCheckerFindings(line: string, scheme: Scheme): Finding[] {
  return checkLine(new Tokenizer(scheme).tokenize(line), new LineChecker(scheme));
}
const SCHEMES: Scheme[] = [
  DEFAULT_SCHEME,
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '(', close: ')' }, '7': { role: 'separator', mark: ';' }, '3': { role: 'pair', open: '«', close: '»' } } }),
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '"', close: '"' }, '7': { role: 'separator', mark: '—' }, '5': { role: 'separator', mark: ':' } } }),
];
const tokenArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...new Set(SAMPLE.split(' '))) },
  { weight: 5, arbitrary: fc.constantFrom('1', '4', '5', '6', '6', '7', '7', '3') },
  { weight: 3, arbitrary: fc.constantFrom('.', ',', ';', ':', '!', '?', '…', '...', '(', ')', '“', '”', '«', '»', '"', '-', '—', '%', ').', '”.', '?!') },
  { weight: 2, arbitrary: fc.constantFrom('7.', '7…', '7,', '6.', '6”', '7”.', '5:', '12', '2007', '3,5', 'x7', '7x', 'G7', '_a', 'a_', 'a__b', 'a_.b', 'Việt_Nam'.normalize('NFD'), 'x×_y', 'a_🙂', '🙂', 'Đà_Nẵng', '\ufeffa') },
);
const lineArb = fc.array(fc.tuple(tokenArb, fc.constantFrom(' ', ' ', '  ', '\t')), { maxLength: 25 }).map((parts) => parts.map(([t, g]) => t + g).join('').trimEnd());

describe('byte checker', function () {
  this.timeout(20000);
  it('gives LineChecker’s findings, or leaves the line to it (differential)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), lineArb, fc.constantFrom('', 'x '), (s, line, prefix) => {
        const scheme = SCHEMES[s];
        // The line sits inside a bigger buffer, as in a run of lines.
        const bytes = encoder.encode(`${prefix}\n${line}\r\n`);
        const start = prefix.length + 1;
        const got = new ByteChecker(scheme).checkLine(bytes, start, bytes.length - 2);
        if (got === undefined) return;
        answered++;
        assert.deepStrictEqual(got, lineCheckerFindings(line, scheme));
      }),
      { numRuns: 3000 },
    );
    assert.ok(answered > 600, `the screen answers many of these odd lines (${answered} of 3000)`);
  });

  it('answers the common findings itself: a separator before a full stop, a glued 7.', () => {
    const line = encoder.encode('Đặt_hàng 7 . xong 7 ” . rồi 7.');
    const got = new ByteChecker(DEFAULT_SCHEME).checkLine(line, 0, line.length);
    assert.ok(got);
    assert.deepStrictEqual(got, lineCheckerFindings(new TextDecoder().decode(line), DEFAULT_SCHEME));
    assert.deepStrictEqual(got.map((f) => f.code), ['separator-before-final', 'separator-before-final', 'glued-placeholder', 'separator-before-final']);
  });

  it('answers lines with pair placeholders on bytes, sides read by the typesetter as pairPlaceholders reads them (differential)', () => {
    // Lines full of pairs and separators, as a corpus has them: most must be answered here, exactly.
    const pairLineArb = fc
      .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'Việt_Nam', 'nói', 'A1', 'x_2', '12', '3') }, { weight: 4, arbitrary: fc.constantFrom('6', '7', '6', '.', '”', '(', ')', '?', '…', '7.') }), fc.constantFrom(' ', '  ', '\t')), { maxLength: 25 })
      .map((parts) => parts.map(([t, g]) => t + g).join('').trimEnd());
    let answered = 0;
    let withPairs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), pairLineArb, (s, line) => {
        const scheme = SCHEMES[s];
        const bytes = encoder.encode(line);
        const got = new ByteChecker(scheme).checkLine(bytes, 0, bytes.length);
        if (got === undefined) return;
        answered++;
        if (/(^|\s)6(\s|$)/.test(line)) withPairs++;
        assert.deepStrictEqual(got, checkLine(new Tokenizer(scheme).tokenize(line), new LineChecker(scheme)));
      }),
      { numRuns: 3000 },
    );
    assert.ok(withPairs > 50, `the screen answers lines with pair placeholders (${withPairs} of ${answered} answered)`);
  });

  it('answers a balanced pair line itself; leaves an unmatched pair, a pair glued to marks, or a straight quote to LineChecker', () => {
    for (const text of ['xong 7 6 a 6 7 ” .', '6 Hãy làm ngay 7 6 .', '6 a 6 7 6 b 6 .']) {
      const line = encoder.encode(text);
      const got = new ByteChecker(DEFAULT_SCHEME).checkLine(line, 0, line.length);
      assert.ok(got, text);
      assert.deepStrictEqual(got, checkLine(new Tokenizer(DEFAULT_SCHEME).tokenize(text), new LineChecker(DEFAULT_SCHEME)), text);
    }
    for (const text of ['a 6 b', '6 a 6.', 'nói " a " .']) {
      const line = encoder.encode(text);
      assert.strictEqual(new ByteChecker(DEFAULT_SCHEME).checkLine(line, 0, line.length), undefined, text);
    }
  });
});

describe('byte checker, one screen for many lines', function () {
  this.timeout(60000);
  // Tokens that put "_", digits and marks where the scan stops: inside words, at their ends, at token starts.
  const oddTokenArb = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...new Set(SAMPLE.split(' '))) },
    { weight: 5, arbitrary: fc.constantFrom('6', '6', '7', '7', '1', '4', '3', '5', '.', '”', '“', '(', ')', '…', '7.', '7…', ':') },
    {
      weight: 3,
      arbitrary: fc.constantFrom('a-_b', 'a_-b', 'x7', 'x77', 'A1', 'x_2', 'G7', '#7', '#_a', 'a“b', 'a”', 'a.b', 'a._b', '7x', '12', '3,5', '_', '__', 'a__b', 'ạ_ệ', 'x×_y', '-', '–', '3 - 5', '10 : 30', 'A1 -', 'a_🙂', '🙂_a', 'a\u0001_b', 'đ_7', 'a_7', 'x_', 'Việt_Nam'.normalize('NFD'), '—', 'a—b', '«', 'b»'),
    },
  );
  const gapArb = fc.constantFrom(' ', ' ', ' ', '  ', '\t');
  const oddLineArb = fc.array(fc.tuple(oddTokenArb, gapArb), { maxLength: 40 }).map((parts) => parts.map(([t, g]) => t + g).join(''));
  const breakArb = fc.constantFrom('\n', '\r\n', '\r');

  it('gives LineChecker’s findings or leaves the line to it, line after line of one buffer, CR, CRLF and LF (differential)', () => {
    let answered = 0;
    let withFindings = 0;
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), fc.array(fc.tuple(oddLineArb, breakArb), { minLength: 1, maxLength: 8 }), (s, lines) => {
        const scheme = SCHEMES[s];
        const screen = new ByteChecker(scheme);
        const bytes = encoder.encode(lines.map(([line, br]) => line + br).join(''));
        let at = 0;
        for (const [line, br] of lines) {
          const length = encoder.encode(line).length;
          const got = screen.checkLine(bytes, at, at + length);
          at += length + br.length;
          if (got === undefined) continue;
          answered++;
          if (got.length > 0) withFindings++;
          assert.deepStrictEqual(got, lineCheckerFindings(line, scheme), line);
        }
      }),
      { numRuns: 1500 },
    );
    assert.ok(answered > 1000 && withFindings > 200, `the screen answers these lines, findings and all (${answered} answered, ${withFindings} with findings)`);
  });

  it('answers a long line of many pieces and waiting separators as LineChecker does (its tables grow)', () => {
    const unit = 'a 7 7 ” . 6 Việt_Nam 6 7 ( x ) 7.';
    const line = Array.from({ length: 400 }, () => unit).join(' ');
    const separators = Array.from({ length: 100 }, () => '7').join(' ') + ' .';
    for (const text of [line, separators, `${separators} ${line}`]) {
      const bytes = encoder.encode(text);
      const got = new ByteChecker(DEFAULT_SCHEME).checkLine(bytes, 0, bytes.length);
      assert.ok(got, text.slice(0, 40));
      assert.deepStrictEqual(got, lineCheckerFindings(text, DEFAULT_SCHEME));
    }
  });
});

describe('byte checker, the word step', () => {
  /** Letters and digits as check.ts's join check sees them. */
  const joinable = (c: number): boolean => (c < 0x80 ? (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) : c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f));
  /** Byte by byte, as the screen stepped before: the word's end, or -1 for an "_" not between two joinable characters. */
  function slowWordEnd(text: string): number {
    const word = /^[^ \t\r\n]*/.exec(text)![0];
    const chars = [...word];
    for (let p = 0; p < chars.length; p++) {
      if (chars[p] !== '_') continue;
      if (p === chars.length - 1 || !joinable(chars[p - 1].codePointAt(0)!) || !joinable(chars[p + 1].codePointAt(0)!)) return -1;
    }
    return encoder.encode(word).length;
  }
  const charArb = fc.constantFrom('a', 'Z', 'n', 'g', '5', '7', '_', '_', '_', 'đ', 'ệ', 'Đ', 'ạ', '×', '—', '🙂', '.', '“', '\u0001', '\u0301', 'ſ');

  it('ends a word where the byte-by-byte step ends it, and refuses the same bad joins, at every alignment (fast ≡ slow)', () => {
    fc.assert(
      fc.property(fc.nat(7), charArb.filter((c) => c !== '_'), fc.array(charArb, { maxLength: 30 }), fc.constantFrom('', ' ', '\t', '\r', ' x_y'), (pad, first, rest, after) => {
        const text = first + rest.join('') + after;
        const bytes = encoder.encode('x'.repeat(pad) + text);
        assert.strictEqual(wordEnd(bytes, viewOf(bytes), pad, bytes.length), slowWordEnd(text) < 0 ? -1 : pad + slowWordEnd(text), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
  });
});
