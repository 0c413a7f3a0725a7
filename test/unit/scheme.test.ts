import * as assert from 'assert';
import { DEFAULT_SCHEME, SchemeError, extendScheme, parseScheme, placeholderFor, schemeFromJson, schemeToJson } from '../../src/core/scheme';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof SchemeError, `expected a SchemeError, got ${String(error)}`);
    return error.problems.map((p) => `${p.key}: ${p.message}`);
  }
  assert.fail('expected a SchemeError');
}

describe('scheme', () => {
  it('defaults to the sample family: 6 pair, 7 separator, 1 number, 4 date', () => {
    assert.deepStrictEqual(placeholderFor(DEFAULT_SCHEME, '6'), {
      role: 'pair',
      marks: { open: '“', close: '”' },
      alternatives: [
        { open: '(', close: ')' },
        { open: '«', close: '»' },
        { open: '"', close: '"' },
      ],
    });
    assert.strictEqual(placeholderFor(DEFAULT_SCHEME, '7')?.role, 'separator');
    assert.strictEqual(placeholderFor(DEFAULT_SCHEME, '1')?.role, 'number');
    assert.strictEqual(placeholderFor(DEFAULT_SCHEME, '4')?.role, 'date');
    assert.strictEqual(placeholderFor(DEFAULT_SCHEME, '5'), undefined);
    assert.strictEqual(placeholderFor(DEFAULT_SCHEME, 'toString'), undefined);
  });

  it('round-trips through JSON', () => {
    assert.deepStrictEqual(schemeFromJson(schemeToJson(DEFAULT_SCHEME)), DEFAULT_SCHEME);
  });

  it('reads a file with and without the placeholders wrapper', () => {
    const a = parseScheme('{"placeholders": {"3": {"role": "separator", "mark": ";"}}}');
    const b = schemeFromJson({ '3': { role: 'separator', mark: ';' } });
    assert.deepStrictEqual(a, b);
    assert.deepStrictEqual(placeholderFor(a, '3'), { role: 'separator', mark: ';', alternatives: [] });
  });

  it('accepts pair alternatives as arrays or objects', () => {
    const s = schemeFromJson({ '6': { role: 'pair', open: '(', close: ')', alternatives: [['[', ']'], { open: '{', close: '}' }] } });
    assert.deepStrictEqual(placeholderFor(s, '6'), { role: 'pair', marks: { open: '(', close: ')' }, alternatives: [{ open: '[', close: ']' }, { open: '{', close: '}' }] });
  });

  it('names the bad key and value', () => {
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ placeholders: { '6': { role: 'pear' } } })), [
      'placeholders.6.role: "pear" is not one of pair, separator, number, date',
    ]);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ '12': { role: 'number' } })), ['12: "12" is not a single digit 0-9']);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ '7': { role: 'separator', mark: '' } })), ['7.mark: must not be empty']);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ '7': { role: 'separator', mark: 'a b' } })), ['7.mark: "a b" must not contain white space, "_" or a digit']);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ '7': { role: 'separator', mark: ',', colour: 'red' } })), [
      '7.colour: is not a setting of a separator placeholder (expected role, mark, alternatives)',
    ]);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ '6': { role: 'pair', open: '(', close: ')', alternatives: [['[']] } })), [
      '6.alternatives[0]: ["["] is not a pair: use ["open", "close"]',
    ]);
    assert.deepStrictEqual(problemsOf(() => parseScheme('{"7": ')).length, 1);
    assert.match(problemsOf(() => parseScheme('{"7": '))[0], /^\(file\): not valid JSON/);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson([1, 2])), ['(scheme): [1,2] is not an object mapping digits to placeholders']);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf(() => schemeFromJson({ '6': { role: 'pair', open: 5 }, x: {}, '7': 'comma' }));
    assert.strictEqual(problems.length, 4, problems.join('\n'));
  });

  it('extends a base scheme; null removes a digit', () => {
    const s = extendScheme(DEFAULT_SCHEME, { '5': { role: 'separator', mark: ';' }, '4': null });
    assert.strictEqual(placeholderFor(s, '5')?.role, 'separator');
    assert.strictEqual(placeholderFor(s, '4'), undefined);
    assert.strictEqual(placeholderFor(s, '6')?.role, 'pair');
  });

  it('reads mark spacing (attach), names bad keys, and keeps it through JSON (issue 7)', () => {
    const french = parseScheme('{"placeholders": {"6": {"role": "pair", "open": "«", "close": "»"}}, "attach": {"«": "neither", "»": "neither"}}');
    assert.deepStrictEqual(french.attach, { '«': 'neither', '»': 'neither' });
    assert.deepStrictEqual(schemeFromJson(schemeToJson(french)), french);
    // A scheme mark may be named as well as the built-in ones.
    assert.deepStrictEqual(schemeFromJson({ '7': { role: 'separator', mark: '¦' }, attach: { '¦': 'both' } }).attach, { '¦': 'both' });
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ placeholders: {}, attach: { '«': 'left', '¿': 'both' } })), [
      'attach.«: "left" is not one of before, after, both, neither',
      `attach.¿: is not a mark normalize knows (. ! ? … , ; : ) ] } ” ’ » % ( [ { “ ‘ « / - – ")`,
    ]);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ placeholders: {}, attach: ['«'] })), ['attach: ["«"] is not an object mapping marks to before, after, both, neither']);
    assert.deepStrictEqual(problemsOf(() => schemeFromJson({ placeholders: {}, spacing: {} })), ['spacing: is not a scheme setting (expected placeholders, attach)']);
  });

  it('extends the spacing of a base scheme from settings (issue 7)', () => {
    const s = extendScheme(DEFAULT_SCHEME, { '5': { role: 'separator', mark: '¦' }, attach: { '«': 'neither', '¦': 'neither' } });
    assert.deepStrictEqual(s.attach, { '«': 'neither', '¦': 'neither' });
    assert.strictEqual(placeholderFor(s, '5')?.role, 'separator');
    assert.strictEqual(placeholderFor(s, '6')?.role, 'pair');
    assert.deepStrictEqual(extendScheme(s, { attach: { '»': 'neither' } }).attach, { '«': 'neither', '¦': 'neither', '»': 'neither' });
  });
});
