import * as assert from 'assert';
import { BreakWords } from '../../src/core/check';
import { NormalizeOptions, normalizeBytes, normalizeLine, normalizeLineMapped, normalizeText, planNormalize, withBreakWords } from '../../src/core/normalize';
import { tokenize } from '../../src/core/tokens';
import { DEFAULT_SCHEME, Scheme, schemeFromJson } from '../../src/core/scheme';
import { SAMPLE, fixture } from './fixtures';
import { wasmFor } from './wasmBuild';

/** Normalizes with the string and the WebAssembly normalizers and insists they agree. */
function norm(text: string, options: Partial<NormalizeOptions> = {}, scheme: Scheme = DEFAULT_SCHEME): string {
  const plan = planNormalize(scheme, options);
  const viaString = normalizeText(text, plan);
  // The byte normalizer leaves the byte order mark to its caller, as the file job does.
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = new TextEncoder().encode(text.slice(bom.length));
  const viaBytes = bom + new TextDecoder().decode(wasmFor(plan).normalizeChunk(body));
  assert.strictEqual(viaBytes, viaString, `byte and string normalizers differ on ${JSON.stringify(text)}`);
  return viaString;
}

describe('normalize', () => {
  it('cleans the sample as Vietnamese is typeset (fixture checked by eye)', () => {
    const out = norm(SAMPLE);
    assert.strictEqual(out, fixture('sample.normalized.txt'));
    assert.ok(out.startsWith('“Đặt hàng” đào tạo cán bộ trẻ Ngày 4, Chủ tịch UBND TPHCM Lê Thanh Hải đã dự hội nghị'));
    assert.ok(out.split('. ')[0].endsWith('do Sở Nội vụ TPHCM tổ chức'));
    assert.ok(out.endsWith('“của dân, do dân và vì dân”.'));
    assert.ok(!out.includes('_') && !out.includes('  ') && !/ [,.;:!?]/.test(out));
  });

  it('pairs quote placeholders and attaches them inward', () => {
    assert.strictEqual(norm('6 Đặt_hàng 6 đào_tạo cán_bộ trẻ Ngày 4 7 Chủ_tịch'), '“Đặt hàng” đào tạo cán bộ trẻ Ngày 4, Chủ tịch');
  });

  it('drops a separator before sentence-final punctuation, also across a closing quote', () => {
    assert.strictEqual(norm('do Sở_Nội_vụ TPHCM tổ_chức 7 .'), 'do Sở Nội vụ TPHCM tổ chức.');
    assert.strictEqual(norm('6 của TPHCM 6 7 7 7 . Phát_biểu'), '“của TPHCM”. Phát biểu');
    assert.strictEqual(norm('6 vì dân 6 7.'), '“vì dân”.');
    assert.strictEqual(norm('6 a 6 7 . b'), '“a”. b');
    // A pair mark before a final mark closes, so the separator before it goes too.
    assert.strictEqual(norm('6 a 7 6 . b'), '“a”. b');
    assert.strictEqual(norm('a 7 ?'), 'a?');
    assert.strictEqual(norm('a 7 …'), 'a…');
  });

  it('closes a pair mark before a final mark, a separator or the line end (issue 7)', () => {
    assert.strictEqual(norm('6 Hãy làm ngay 7 6 .'), '“Hãy làm ngay”.');
    assert.strictEqual(norm('Ông hỏi 7 6 Sao vậy 7 6 ?'), 'Ông hỏi, “Sao vậy”?');
    assert.strictEqual(norm('6 a 7 6 7 b'), '“a,”, b');
    assert.strictEqual(norm('6 a 7 6'), '“a,”');
    assert.strictEqual(norm('" a , " .'), '"a".');
    // With none open it still opens.
    assert.strictEqual(norm('a 7 6 .'), 'a, “.');
  });

  it('keeps a quoted mark: a separator between an opening and a closing mark (issue 7)', () => {
    assert.strictEqual(norm('dấu hai chấm 6 7 6 sau'), 'dấu hai chấm “,” sau');
    assert.strictEqual(norm('dấu “ , ” và ( 7 )'), 'dấu “,” và (,)');
    assert.strictEqual(norm('6 7 a 6'), '“a”');
  });

  it('reads a line a second way when nesting leaves its pairs open (issue 7)', () => {
    // After a separator a pair mark nests when that balances the line…
    assert.strictEqual(norm('6 xem Phần 1 7 6 control 6 6 7'), '“xem Phần 1, “control””,');
    // …and closes the open one when nesting would leave pairs open.
    assert.strictEqual(norm('6 Tôi không biết 7 6 anh ta đáp 7 6 có_lẽ mai 6 .'), '“Tôi không biết,” anh ta đáp, “có lẽ mai”.');
    // Several lines, each read on its own.
    assert.strictEqual(norm('6 a 7 6 b 7 6 c 6 .\n6 a 7 6 b 6 6\r\n6 a 7 6 b 7 6 c 6'), '“a,” b, “c”.\n“a, “b””\r\n“a,” b, “c”');
  });

  it('sets marks as the scheme says: guillemets the French way (issue 7)', () => {
    const french = { ...DEFAULT_SCHEME, attach: { '«': 'neither', '»': 'neither' } as const };
    assert.strictEqual(norm('« Tuổi_trẻ » và “ a ”', {}, french), '« Tuổi trẻ » và “a”');
    assert.strictEqual(norm('6 Tuổi_trẻ 6 7 a', { quoteMarks: 'guillemets' }, french), '« Tuổi trẻ », a');
    assert.strictEqual(norm('6 Tuổi_trẻ 6 7 a', { quoteMarks: 'guillemets' }), '«Tuổi trẻ», a');
    const spaced = schemeFromJson({ placeholders: { '7': { role: 'separator', mark: ';' } }, attach: { ';': 'neither', '/': 'neither' } });
    assert.strictEqual(norm('a 7 b / c', {}, spaced), 'a ; b / c');
  });

  it('attaches a colon on both sides between two numbers (issue 7)', () => {
    assert.strictEqual(norm('Lúc 10 : 30 sáng'), 'Lúc 10:30 sáng');
    assert.strictEqual(norm('năm 1 : a'), 'năm 1: a');
    assert.strictEqual(norm('Ghi_chú : 30'), 'Ghi chú: 30');
    assert.strictEqual(norm('10 : 30 7 .'), '10:30.');
  });

  it('collapses separator runs, drops them at line start, keeps one ending the line unless asked', () => {
    assert.strictEqual(norm('a 7 7 7 b'), 'a, b');
    assert.strictEqual(norm('7 a 7'), 'a,');
    assert.strictEqual(norm('7 a 7 7', { separatorAtLineEnd: 'drop' }), 'a');
    assert.strictEqual(norm('a 7 6 b 6 7'), 'a, “b”,');
    assert.strictEqual(norm('a 7 6 b 6 7', { separatorAtLineEnd: 'drop' }), 'a, “b”');
    assert.strictEqual(norm('a 7 6 b 6 7 .', { separatorAtLineEnd: 'keep' }), 'a, “b”.');
    assert.strictEqual(norm('6 7 a 6'), '“a”');
    assert.strictEqual(norm('a , , b'), 'a, b');
  });

  it('attaches closing marks left and opening marks right', () => {
    assert.strictEqual(norm('( a ) [ b ] { c } d ; e : f ! g % h'), '(a) [b] {c} d; e: f! g% h');
    assert.strictEqual(norm('“ a ” ‘ b ’ « c »'), '“a” ‘b’ «c»');
  });

  it('alternates straight quotes, independently of pair placeholders', () => {
    assert.strictEqual(norm('" a " b " c "'), '"a" b "c"');
    assert.strictEqual(norm('6 a " b " 6'), '“a "b"”');
  });

  it('joins / on both sides and a dash between numbers', () => {
    assert.strictEqual(norm('ngày 23 / 5'), 'ngày 23/5');
    assert.strictEqual(norm('tháng 8 / 2019'), 'tháng 8/2019');
    assert.strictEqual(norm('3 - 5 m'), '3-5 m'); // 5 is no placeholder of the default scheme: a real digit
    assert.strictEqual(norm('12 - 17 m'), '12-17 m');
    assert.strictEqual(norm('1990 – 2000'), '1990–2000');
    assert.strictEqual(norm('Hà_Nội - Hải_Phòng'), 'Hà Nội - Hải Phòng');
    assert.strictEqual(norm('năm 1 - 1'), 'năm 1-1');
    assert.strictEqual(norm('3 -'), '3 -');
  });

  it('splits punctuation runs and glued placeholders into marks', () => {
    assert.strictEqual(norm('a ... b ?! c ).'), 'a... b?! c).');
    assert.strictEqual(norm('c ." d'), 'c. "d'); // a lone straight quote opens
    assert.strictEqual(norm('a 7, b'), 'a, b');
  });

  it('keeps line count, line endings and a byte order mark', () => {
    assert.strictEqual(norm('\ufeffa_b 7 .\r\n\r\nc 7\rd\n'), '\ufeffa b.\r\n\r\nc,\rd\n');
    assert.strictEqual(norm(''), '');
    assert.strictEqual(norm('\n\n'), '\n\n');
    assert.strictEqual(norm('  \t  '), '');
  });

  it('keeps as it came a line emptied between a lone CR and an LF, which would merge the breaks into one CRLF', () => {
    // No byte invented (a space was written before), the line count kept.
    assert.strictEqual(norm('a\r  \n'), 'a\r  \n');
    assert.strictEqual(norm('a\r\t\n'), 'a\r\t\n');
    assert.strictEqual(norm('a\r_\n'), 'a\r_\n');
    assert.strictEqual(norm('a\r 7 \nb'), 'a\r 7 \nb');
    assert.strictEqual(norm('\ufeffx_y\r \t __ \nb  c\r\n'), '\ufeffx y\r \t __ \nb c\r\n');
    // Elsewhere an emptied line is empty: after an LF or a CRLF, before a CR or a CRLF, at the end.
    assert.strictEqual(norm('a\n  \nb\r\n _ \rc\r  \r\nd\r  '), 'a\n\nb\r\n\rc\r\r\nd\r');
    // Through the byte normalizers, with the lone CR at the end of the previous chunk.
    const plan = planNormalize(DEFAULT_SCHEME);
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
    for (const [input, expected] of [['  \n', '  \n'], ['\t\n', '\t\n'], ['_\n', '_\n'], ['  \nb_c \n  \n', '  \nb c\n\n']]) {
      assert.strictEqual(decode(normalizeBytes(bytes(input), plan, true)), expected, JSON.stringify(input));
      assert.strictEqual(decode(wasmFor(plan).normalizeChunk(bytes(input), true)), expected, JSON.stringify(input));
      assert.strictEqual(decode(normalizeBytes(bytes(input), plan, false)), expected.replace(/^[ \t_]+/, ''), JSON.stringify(input));
      assert.strictEqual(decode(wasmFor(plan).normalizeChunk(bytes(input), false)), expected.replace(/^[ \t_]+/, ''), JSON.stringify(input));
    }
    // Under Unicode transforms and with the output room running out at that line.
    const nfc = planNormalize(DEFAULT_SCHEME, { unicode: 'nfc', toneStyle: 'new' });
    assert.strictEqual(normalizeText('hòa\r  \n', nfc), 'hoà\r  \n');
    assert.strictEqual(decode(wasmFor(nfc).normalizeChunk(bytes('hòa\r  \n'))), 'hoà\r  \n');
    for (let room = 0; room < 40; room++) assert.strictEqual(decode(wasmFor(plan, { outputBytes: room }).normalizeChunk(bytes('a_b\r\t _ \t\nc\r   \n'))), 'a b\r\t _ \t\nc\r   \n');
  });

  it('folds white space and stray underscores to single spaces', () => {
    assert.strictEqual(norm('  a \t b   c  '), 'a b c');
    assert.strictEqual(norm('_a b_ c__d ___ e'), 'a b c d e');
  });

  it('keeps underscores on request', () => {
    assert.strictEqual(norm('6 Đặt_hàng 6 _x', { joinSyllables: false }), '“Đặt_hàng” _x');
  });

  it('renders number and date placeholders as configured', () => {
    assert.strictEqual(norm('năm 1 Ngày 4 7 a', { numberPlaceholder: '<số>', datePlaceholder: '' }), 'năm <số> Ngày, a');
    assert.strictEqual(norm('năm 1', { numberPlaceholder: '#{digit}#' }), 'năm #1#');
  });

  it('leaves unknown digits and real numbers as they are', () => {
    assert.strictEqual(norm('a 5 b 2007 c 3,5'), 'a 5 b 2007 c 3,5');
  });

  it('never re-normalizes Unicode unless asked', () => {
    const nfd = 'Việt_Nam 7 một'.normalize('NFD');
    assert.strictEqual(norm(nfd), 'Việt Nam, một'.normalize('NFD'));
    assert.strictEqual(norm(nfd, { unicode: 'nfc' }), 'Việt Nam, một');
    assert.strictEqual(norm('hòa_bình 7 khỏe', { toneStyle: 'new' }), 'hoà bình, khoẻ');
  });

  it('follows the scheme', () => {
    const scheme = schemeFromJson({ '6': { role: 'pair', open: '(', close: ')' }, '7': { role: 'separator', mark: ';' }, '3': { role: 'pair', open: '"', close: '"' } });
    assert.strictEqual(norm('6 QLNN 6 7 a 3 b 3 7 .', {}, scheme), '(QLNN); a "b".');
  });

  it('maps every token to its place in the output', () => {
    const plan = planNormalize(DEFAULT_SCHEME);
    const line = '6 Đặt_hàng 6 tổ_chức 7 .';
    const { text, tokens } = normalizeLineMapped(line, plan);
    assert.strictEqual(text, '“Đặt hàng” tổ chức.');
    const where = tokens.map((t) => text.slice(t.outStart, t.outEnd));
    assert.deepStrictEqual(where, ['“', 'Đặt hàng', '”', 'tổ chức', '', '.']);
    assert.deepStrictEqual(tokens.map((t) => line.slice(t.sourceStart, t.sourceEnd)), ['6', 'Đặt_hàng', '6', 'tổ_chức', '7', '.']);
  });

  it('maps tokens when Unicode options change lengths', () => {
    const plan = planNormalize(DEFAULT_SCHEME, { unicode: 'nfc' });
    const line = 'Việt_Nam một'.normalize('NFD');
    const { text, tokens } = normalizeLineMapped(line, plan);
    assert.strictEqual(text.slice(tokens[1].outStart, tokens[1].outEnd), 'một');
    assert.strictEqual(line.slice(tokens[1].sourceStart, tokens[1].sourceEnd), 'một'.normalize('NFD'));
  });

  it('normalizeLine is the mapped text', () => {
    const plan = planNormalize(DEFAULT_SCHEME);
    assert.strictEqual(normalizeLine(SAMPLE, plan), normalizeLineMapped(SAMPLE, plan).text);
  });
});

describe('normalize with inferred sentence breaks', () => {
  it('ends the sentence at the sample\'s likely breaks, in both front ends', () => {
    const words = new BreakWords();
    words.addLine(tokenize(SAMPLE, DEFAULT_SCHEME));
    assert.ok(words.words().includes('Theo') && words.words().includes('Do_vậy') && !words.words().includes('Sở_Nội_vụ'), words.words().join(' '));
    const plan = withBreakWords(planNormalize(DEFAULT_SCHEME, { inferSentenceBreaks: true }), words.words());
    const out = normalizeText(SAMPLE, plan);
    assert.ok(out.includes('TP. Theo đồng chí, chương trình') && out.includes('TPHCM. Do vậy, UBND'), out);
    assert.ok(out.includes('thời gian qua, Sở Nội vụ'));
    const bytes = new TextDecoder().decode(normalizeBytes(new TextEncoder().encode(SAMPLE + '\r\nTP 7 Theo x\n'), plan));
    assert.strictEqual(bytes, normalizeText(SAMPLE + '\r\nTP 7 Theo x\n', plan));
  });

  it('breaks only before the listed words, only at lone separators', () => {
    const plan = withBreakWords(planNormalize(DEFAULT_SCHEME), ['Theo']);
    assert.strictEqual(normalizeText('a 7 Theo b 7 Khác c 7. Theo', plan), 'a. Theo b, Khác c. Theo');
  });
});
