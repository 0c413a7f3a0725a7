import * as assert from 'assert';
import { applyToneStyle } from '../../src/core/tone';

describe('tone style', () => {
  it('moves tone marks in open oa/oe/uy syllables both ways', () => {
    assert.strictEqual(applyToneStyle('hòa khỏe thúy Hòa_Bình', 'new'), 'hoà khoẻ thuý Hoà_Bình');
    assert.strictEqual(applyToneStyle('hoà khoẻ thuý HOÀ', 'old'), 'hòa khỏe thúy HÒA');
  });

  it('leaves closed syllables, qu, and other nuclei alone', () => {
    const text = 'hoàng quý thuở khuya ngoài toán Việt một';
    assert.strictEqual(applyToneStyle(text, 'new'), text);
    assert.strictEqual(applyToneStyle(text, 'old'), text);
  });

  it('reads NFD input and leaves the untouched parts in their form', () => {
    const nfd = 'hòa một'.normalize('NFD');
    const out = applyToneStyle(nfd, 'new');
    assert.strictEqual(out, 'hoà' + ' ' + 'một'.normalize('NFD'));
  });

  it('keep changes nothing', () => {
    assert.strictEqual(applyToneStyle('hòa hoà', 'keep'), 'hòa hoà');
  });
});
