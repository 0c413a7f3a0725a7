// Variations counted over files: lines read once and kept as spellings give the findings, line numbers and rewrites that reading every pass from the bytes gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countFiles, findingsOfFile } from '../../src/node/variationsFiles';

describe('variations over files', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-variations-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('finds the same lines whether the lines were kept or read again, across files and line endings', async () => {
    const a = path.join(tmp, 'a.seg');
    const b = path.join(tmp, 'b.seg');
    const c = path.join(tmp, 'c.seg');
    fs.writeFileSync(a, '\ufeffcần nâng_cao trình_độ 7 .\r\nnâng_cao chất_lượng .\n\nđể nâng_cao .\rphải nâng cao 6 x\n');
    fs.writeFileSync(b, 'không có gì\nnâng_cao nhà nước ta\nnhà nước ta\nnhà nước\r\nnhà_nước ta\nnâng cao');
    fs.writeFileSync(c, 'nâng_cao\n');
    const files = [a, b, c];
    const args = { lexicon: undefined, minCount: 3, minShare: 0.7 };
    const kept = await countFiles(files, args, true);
    const readAgain = await countFiles(files, args, true, { maxSpelledBytes: 0 });
    assert.deepStrictEqual(kept.disagreeing, [[5], [5, 6], []]);
    assert.strictEqual(readAgain.disagreeing, undefined, 'a bound of 0 keeps no line');
    assert.deepStrictEqual(kept.variations.table(), readAgain.variations.table());
    const none = { lines: [], starts: [], ends: [], tokens: [], messages: [] };
    for (let index = 0; index < files.length; index++) {
      assert.deepStrictEqual((await findingsOfFile(kept, files, index)) ?? none, (await findingsOfFile(readAgain, files, index)) ?? none);
    }
    const found = await findingsOfFile(kept, files, 1);
    assert.deepStrictEqual(found?.lines, [5, 6]);
    assert.deepStrictEqual(found?.messages, ['`nhà_nước` is joined here; split as `nhà nước` in 3 of 4 places', '`nâng cao` is split here; joined as `nâng_cao` in 5 of 7 places']);
    assert.strictEqual(await findingsOfFile(kept, files, 2), undefined, 'a file with no disagreement is not read again');
  });
});
