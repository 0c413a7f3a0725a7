import * as assert from 'assert';
import fc from 'fast-check';
import { escapeMarkdown, hoverAt, hoverMarkdown, tokenIndexAt } from '../../src/core/hover';
import { normalizeText, planNormalize } from '../../src/core/normalize';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE, fixture } from './fixtures';

const plan = planNormalize(DEFAULT_SCHEME);

describe('hover', () => {
  it('shows the cleaned sentence with the hovered word marked', () => {
    const at = SAMPLE.indexOf('Chủ_tịch') + 2;
    const info = hoverAt(SAMPLE, at, DEFAULT_SCHEME, plan);
    assert.ok(info);
    const firstSentence = fixture('sample.normalized.txt').split('. ')[0] + '.';
    assert.strictEqual(info.cleaned, firstSentence);
    assert.strictEqual(info.cleaned.slice(info.cleanedStart, info.cleanedEnd), 'Chủ tịch');
    assert.strictEqual(info.placeholder, undefined);
  });

  it('cleans a later sentence with the pairs opened before it taken into account', () => {
    const line = '6 a 6 b . 6 c 6 d 7 e .';
    const info = hoverAt(line, line.indexOf('d'), DEFAULT_SCHEME, plan);
    assert.strictEqual(info?.cleaned, '“c” d, e.');
    const odd = '6 a . b 6 c';
    assert.strictEqual(hoverAt(odd, odd.indexOf('c'), DEFAULT_SCHEME, plan)?.cleaned, 'b” c');
  });

  it('every sentence cleaned on its own joins back to the whole line cleaned', () => {
    const whole = normalizeText(SAMPLE, plan);
    const tokens = tokenize(SAMPLE, DEFAULT_SCHEME);
    const sentences = new Set<string>();
    for (const t of tokens) sentences.add(hoverAt(SAMPLE, t.start, DEFAULT_SCHEME, plan)?.cleaned ?? '');
    assert.strictEqual([...sentences].join(' '), whole);
  });

  it('tells what a placeholder stands for and where its partner is', () => {
    const line = '6 Đặt_hàng 6 đào_tạo 7 b 5';
    const open = hoverAt(line, 0, DEFAULT_SCHEME, plan)?.placeholder;
    assert.deepStrictEqual({ ...open, partner: open?.partner?.start }, { digit: '6', role: 'pair', restoresTo: '“', normalizesTo: '“', side: 'open', partner: 11 });
    const sep = hoverAt(line, line.indexOf('7'), DEFAULT_SCHEME, plan)?.placeholder;
    assert.deepStrictEqual([sep?.role, sep?.restoresTo, sep?.normalizesTo], ['separator', ',', ',']);
    const unknown = hoverAt(line, line.length, DEFAULT_SCHEME, plan)?.placeholder;
    assert.deepStrictEqual([unknown?.role, unknown?.restoresTo], ['unknown', undefined]);
    const stray = hoverAt('a 6 b', 2, DEFAULT_SCHEME, plan)?.placeholder;
    assert.deepStrictEqual([stray?.side, stray?.partner], ['open', undefined]);
    const dropped = hoverAt('a 7 .', 2, DEFAULT_SCHEME, plan)?.placeholder;
    assert.strictEqual(dropped?.normalizesTo, '');
  });

  it('is nothing between tokens or on an empty line', () => {
    assert.strictEqual(hoverAt('a    b', 3, DEFAULT_SCHEME, plan), undefined);
    assert.strictEqual(hoverAt('', 0, DEFAULT_SCHEME, plan), undefined);
  });

  it('finds tokens by offset, including at their end', () => {
    const tokens = tokenize('ab  cd', DEFAULT_SCHEME);
    assert.deepStrictEqual([0, 1, 2, 3, 4, 6].map((o) => tokenIndexAt(tokens, o)), [0, 0, 0, -1, 1, 1]);
  });

  describe('as markdown', () => {
    /** What a reader sees of the markdown this module writes: entities and backslash escapes undone. */
    const unescape = (md: string) => md.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

    it('bolds the mark a placeholder becomes with <strong>, which renders next to a word (** does not)', () => {
      const line = 'Ngày 4 7 Chủ_tịch UBND 6 Đặt_hàng 6 .';
      const comma = hoverMarkdown(hoverAt(line, line.indexOf('7'), DEFAULT_SCHEME, plan)!);
      assert.ok(!comma.includes('**'), comma);
      assert.match(comma, /^Ngày 4<strong>,<\/strong> Chủ tịch/);
      const quote = hoverMarkdown(hoverAt(line, line.indexOf('6'), DEFAULT_SCHEME, plan)!);
      assert.match(quote, /UBND <strong>“<\/strong>Đặt hàng/);
    });

    it('writes the digit as code and the role as plain text', () => {
      const md = hoverMarkdown(hoverAt('a 7 b', 2, DEFAULT_SCHEME, plan)!);
      assert.strictEqual(md.split('\n\n---\n\n')[1], '`7`: separator placeholder → ,');
    });

    it('makes the partner a link when given one', () => {
      const line = '6 Đặt_hàng 6 đào_tạo';
      const info = hoverAt(line, 0, DEFAULT_SCHEME, plan)!;
      assert.match(hoverMarkdown(info, 'command:x?y'), /opens; its partner is at \[column 12\]\(command:x\?y "Go to the partner"\)$/);
      assert.match(hoverMarkdown(info), /opens; its partner is at column 12$/);
    });

    it('escapes any text so that markdown shows it as it is', () => {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '*', '_', '`', '[', ']', '(', ')', '<', '>', '&', '#', '-', '.', '!', '|', '~', '\\', '1', 'ư') }), (text) => {
          const md = escapeMarkdown(text);
          assert.strictEqual(unescape(md), text);
          assert.ok(!/(?<!\\)[*_`[\]<]/.test(md.replace(/&lt;|&amp;/g, '')), md);
        }),
        { numRuns: 300 },
      );
    });
  });
});
