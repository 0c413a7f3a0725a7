// JSON Lines records: the field's span, its text, the escaping style kept, and the rewrite of a run of records.
import * as assert from 'assert';
import fc from 'fast-check';
import { FieldPath, RecordLineError, RecordProblem, decodeStringLiteral, recordProblemText, encodeStringLiteral, escapeStyleOf, recordTexts, rewriteRecords, rewriteTexts } from '../../src/core/jsonl';
import { normalizeBytes, normalizeText, planNormalize } from '../../src/core/normalize';
import { DEFAULT_SCHEME } from '../../src/core/scheme';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const plan = planNormalize(DEFAULT_SCHEME);

/** A rewrite of whole lines from a change of one line's text (an empty line stays empty, as normalize keeps it). */
function lineWise(change: (line: string) => string): (bytes: Uint8Array) => Uint8Array {
  return (bytes) => encoder.encode(decoder.decode(bytes).replace(/[^\r\n]+/g, change));
}

function rewrite(line: string, field = 'text', passOther = false, change = (t: string): string => normalizeText(t, plan)): string {
  const bytes = encoder.encode(line);
  return decoder.decode(rewriteRecords(bytes, { field, passOther }, new FieldPath(field), lineWise(change)));
}

function problem(line: string, field = 'text'): string {
  const bytes = encoder.encode(line);
  try {
    new FieldPath(field).find(bytes, 0, bytes.length);
  } catch (error) {
    assert.ok(error instanceof RecordProblem);
    // Its id and arguments say what its English says (the CLI translates them).
    assert.strictEqual(recordProblemText(error.l10n), error.message);
    return error.message;
  }
  assert.fail(`no problem found in ${line}`);
}

const asciiStyle = { asciiOnly: true, upperHex: false, slash: false, html: false };
const rawStyle = { asciiOnly: false, upperHex: false, slash: false, html: false };

describe('JSON Lines records', () => {
  it('rewrites only the field and keeps every other byte, white space and key order included', () => {
    const line = '{ "id" : 7,"text":"6 Đặt_hàng 6 7 .",  "tags":["text"], "x": {"text": 1} }\r\n';
    assert.strictEqual(rewrite(line), '{ "id" : 7,"text":"“Đặt hàng”.",  "tags":["text"], "x": {"text": 1} }\r\n');
    // Nothing to change: the very bytes, escapes and all.
    const same = '{"text":"a\\u0020b","n":1.5e3}\n';
    assert.strictEqual(rewrite(same), same);
  });

  it('keeps the escaping style: \\u for non-ASCII only when the input used it, hex case, \\/ and Go’s HTML escapes', () => {
    // Python's json.dumps default (ensure_ascii): non-ASCII stays escaped.
    assert.strictEqual(rewrite('{"text": "\\u0110\\u1eb7t_h\\u00e0ng 7 ."}'), '{"text": "\\u0110\\u1eb7t h\\u00e0ng."}');
    assert.strictEqual(rewrite('{"text": "\\u0110\\u1EB7t_h 7 ."}'), '{"text": "\\u0110\\u1EB7t h."}');
    // UTF-8 in, UTF-8 out; quotes and backslashes in the new text escaped.
    assert.strictEqual(rewrite('{"text":"Đặt_hàng \\"x\\" 7 ."}'), '{"text":"Đặt hàng \\"x\\"."}');
    assert.strictEqual(rewrite('{"text":"a_b \\/ c_d"}'), '{"text":"a b\\/c d"}');
    assert.strictEqual(rewrite('{"text":"\\u003cb\\u003e a_b"}'), '{"text":"\\u003cb\\u003e a b"}');
    assert.strictEqual(encodeStringLiteral('😀\ud800x\n\u0001', rawStyle), '"😀\\ud800x\\n\\u0001"');
    assert.strictEqual(encodeStringLiteral('😀é', asciiStyle), '"\\ud83d\\ude00\\u00e9"');
  });

  it('reads a nested field (meta.text), and only there', () => {
    const line = '{"text":"a_b","meta":{"lang":"vi","text":"c_d 7 e"}}';
    assert.strictEqual(rewrite(line, 'meta.text'), '{"text":"a_b","meta":{"lang":"vi","text":"c d, e"}}');
    assert.strictEqual(problem('{"meta":"x"}', 'meta.text'), 'field "meta" is a string, not an object');
  });

  it('names what is wrong with a line that has no string field', () => {
    assert.strictEqual(problem('[1,2]'), "not a JSON object (it starts with '[')");
    assert.strictEqual(problem('{"id":1}'), 'no field "text"');
    assert.strictEqual(problem('{"text":null}'), 'field "text" is null, not a string');
    assert.strictEqual(problem('{"text":["a"]}'), 'field "text" is an array, not a string');
    assert.strictEqual(problem('{"text":12}'), 'field "text" is a number, not a string');
    assert.strictEqual(problem('{"text":"a","text":"b"}'), 'field "text" appears twice');
    assert.strictEqual(problem('{"text":"a",}'), "not valid JSON: '}' at column 13");
    assert.strictEqual(problem('{"text":"a"} x'), "not valid JSON: 'x' at column 14");
    assert.strictEqual(problem('{"text":"a\tb"}'), 'not valid JSON: a raw control character in a string at column 11');
    assert.strictEqual(problem('{"text":"a'), 'not valid JSON: a string is not closed');
    assert.strictEqual(problem('{"a":01,"text":"x"}'), "not valid JSON: '1' at column 7");
    assert.match(problem('{"a":' + '['.repeat(600) + ']'.repeat(600) + ',"text":"x"}'), /nested more than 512 levels/);
  });

  it('fails a run on the first line without the field, with its index; passes such lines with passOther', () => {
    const run = encoder.encode('{"text":"a_b"}\n\n  \n{"id":2}\n{"text":"c_d"}\n');
    assert.throws(
      () => rewriteRecords(run, { field: 'text', passOther: false }, new FieldPath('text'), (b) => b),
      (e: unknown) => e instanceof RecordLineError && e.lineIndex === 3 && e.problem === 'no field "text"',
    );
    const passed = rewriteRecords(run, { field: 'text', passOther: true }, new FieldPath('text'), lineWise((x) => x.replace('_', ' ')));
    assert.strictEqual(decoder.decode(passed), '{"text":"a b"}\n\n  \n{"id":2}\n{"text":"c d"}\n');
    assert.strictEqual(decoder.decode(recordTexts(run, { field: 'text', passOther: true }, new FieldPath('text'))), 'a_b\n\n\n\nc_d\n');
    // A text's own line breaks become spaces (columns stay), a record a line; no final break, none added.
    assert.strictEqual(decoder.decode(recordTexts(encoder.encode('{"text":"a\\r\\nb"}'), { field: 'text', passOther: false }, new FieldPath('text'))), 'a  b');
  });

  it('rewrites texts in one run of lines and cuts them back, a text with line breaks alone', () => {
    const texts = ['6 a_b 6 7 .', '', 'x 7\ny 7 .', 'c\r\nd_e', 'z'];
    const calls: number[] = [];
    const out = rewriteTexts(texts, (bytes) => {
      calls.push(bytes.length);
      return normalizeBytes(bytes, plan);
    });
    assert.deepStrictEqual(out, texts.map((t) => normalizeText(t, plan)));
    assert.strictEqual(calls.length, 3, 'two texts with breaks alone, the others together');
  });

  it('property: any JSON object holding a string field: span, text, and a rewrite that only changes that field', () => {
    const keyArb = fc.constantFrom('id', 'meta', 'txt', 'text2', 'Text', 'é', 'a"b', 'tex\\t');
    const textArb = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('6 Đặt_hàng 6 7 .', 'a/b', '<x> & y', '\u2028', 'a\nb'));
    const recordArb = fc.tuple(fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 3 })), textArb, fc.nat(), fc.boolean(), fc.boolean()).map(([others, text, at, ascii, spaced]) => {
      const entries = Object.entries(others);
      entries.splice(at % (entries.length + 1), 0, ['text', text]);
      const json = spaced ? JSON.stringify(Object.fromEntries(entries), null, 1).replace(/\n/g, ' ') : JSON.stringify(Object.fromEntries(entries));
      // Python's ensure_ascii: every non-ASCII code unit as \u.
      return { text, line: ascii ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json, ascii };
    });
    fc.assert(
      fc.property(recordArb, ({ text, line, ascii }) => {
        const bytes = encoder.encode(line);
        const span = new FieldPath('text').find(bytes, 0, bytes.length);
        assert.strictEqual(decodeStringLiteral(bytes, span.start, span.end), text);
        const change = (t: string): string => `[${t}]/é"\\`;
        const out = rewrite(line, 'text', false, change);
        const expected = JSON.parse(line) as Record<string, unknown>;
        expected.text = text.replace(/[^\r\n]+/g, change);
        assert.deepStrictEqual(JSON.parse(out), expected);
        assert.strictEqual(out.slice(0, decoder.decode(bytes.subarray(0, span.start)).length), decoder.decode(bytes.subarray(0, span.start)), 'the bytes before the field');
        assert.ok(out.endsWith(decoder.decode(bytes.subarray(span.end))), 'the bytes after the field');
        const escaping = ascii && /[\u0080-\uffff]/.test(text);
        assert.strictEqual(escapeStyleOf(bytes, span.start, span.end).asciiOnly, escaping);
        const changed = text.replace(/[^\r\n]+/g, change) !== text;
        if (changed) assert.strictEqual(/[\u0080-\uffff]/.test(out), !escaping, escaping ? 'ASCII in, ASCII out' : 'the new é written as is');
        else assert.strictEqual(out, line, 'nothing changed: the line as it came');
      }),
      { numRuns: 400 },
    );
  });
});
