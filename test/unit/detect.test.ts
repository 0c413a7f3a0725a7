// The segmented-text detector on real snippets (the sample corpus, an English licence, Python, CSV) and its invariants.
import * as assert from 'assert';
import fc from 'fast-check';
import { DETECT_HEAD_CHARS, detectSegmentedCorpus, detectionFeatures, isVietnameseSyllable } from '../../src/core/detect';
import { SAMPLE, fixture } from './fixtures';

// The opening of the GPL-3 as Debian ships it (/usr/share/common-licenses/GPL-3).
const ENGLISH = `  The GNU General Public License is a free, copyleft license for
software and other kinds of works.

  The licenses for most software and other practical works are designed
to take away your freedom to share and change the works.  By contrast,
the GNU General Public License is intended to guarantee your freedom to
share and change all versions of a program--to make sure it remains free
software for all its users.
`;

// Python's shutil.py (/usr/lib/python3.11): snake_case names in every line.
const PYTHON = `def _copyfileobj_readinto(fsrc, fdst, length=COPY_BUFSIZE):
    """readinto()/memoryview() based variant of copyfileobj().
    *fsrc* must support readinto() method and both files must be
    open in binary mode.
    """
    # Localize variable access to minimize overhead.
    fsrc_readinto = fsrc.readinto
    fdst_write = fdst.write
    with memoryview(bytearray(length)) as mv:
        while True:
            n = fsrc_readinto(mv)
            if not n:
                break
            elif n < length:
                with mv[:n] as smv:
                    fdst.write(smv)
            else:
                fdst_write(mv)
`;

// Debian's release table (/usr/share/distro-info/debian.csv).
const CSV = `version,codename,series,created,release,eol,eol-lts,eol-elts
1.1,Buzz,buzz,1993-08-16,1996-06-17,1997-06-05
1.2,Rex,rex,1996-06-17,1996-12-12,1998-06-05
1.3,Bo,bo,1996-12-12,1997-06-05,1999-03-09
2.0,Hamm,hamm,1997-06-05,1998-07-24,2000-03-09
2.1,Slink,slink,1998-07-24,1999-03-09,2000-10-30
2.2,Potato,potato,1999-03-09,2000-08-15,2003-07-30
3.0,Woody,woody,2000-08-15,2002-07-19,2006-06-30
`;

// Vietnamese names in snake_case are still code: the syllables are Vietnamese, the punctuation is not.
const VIETNAMESE_IDENTIFIERS = `def tinh_tong(danh_sach):
    tong_so = 0
    for so_luong in danh_sach:
        tong_so = tong_so + so_luong
    return tong_so

ket_qua = tinh_tong([1, 2, 3])
in_ra(ket_qua)
so_hoc_sinh = dem(lop_hoc)
diem_trung_binh = tinh_tong(diem_so) / so_hoc_sinh
`;

const segmented = (text: string) => detectSegmentedCorpus(text).segmented;

describe('detect segmented text', () => {
  it('the sample corpus line is segmented: compounds, placeholders, Vietnamese syllables', () => {
    const { segmented: verdict, features } = detectSegmentedCorpus(SAMPLE);
    assert.strictEqual(verdict, true);
    // 149 of the sample's 363 tokens are compounds (corpus-format.md); 78 are placeholders.
    assert.ok(features.compoundShare > 0.45, `compounds ${features.compoundShare}`);
    assert.ok(features.placeholderShare > 0.2, `placeholders ${features.placeholderShare}`);
    assert.ok(features.vietnameseShare > 0.9, `vietnamese ${features.vietnameseShare}`);
    assert.strictEqual(features.identifierShare, 0);
  });

  it('the sample with its punctuation restored is still segmented', () => {
    assert.strictEqual(segmented(fixture('sample.restored.seg')), true);
  });

  it('the same text normalized (syllables joined by spaces) is plain Vietnamese, not a corpus', () => {
    const { segmented: verdict, features } = detectSegmentedCorpus(fixture('sample.normalized.txt'));
    assert.strictEqual(verdict, false);
    assert.ok(features.vietnameseShare > 0.9, 'it is Vietnamese all the same');
    assert.strictEqual(features.compoundShare, 0);
  });

  it('an English paragraph is not', () => {
    const { segmented: verdict, features } = detectSegmentedCorpus(ENGLISH);
    assert.strictEqual(verdict, false);
    assert.strictEqual(features.markedShare, 0);
  });

  it('snake_case code is not, nor code with Vietnamese names', () => {
    const python = detectionFeatures(PYTHON);
    assert.strictEqual(segmented(PYTHON), false);
    assert.ok(python.identifierShare > 0.5, `identifiers ${python.identifierShare}`);
    const vietnamese = detectionFeatures(VIETNAMESE_IDENTIFIERS);
    assert.strictEqual(segmented(VIETNAMESE_IDENTIFIERS), false);
    assert.ok(vietnamese.compoundShare > 0.3, 'the names are Vietnamese compounds...');
    assert.ok(vietnamese.codeDensity > 0.1, `...in code: ${vietnamese.codeDensity}`);
  });

  it('CSV is not, nor a CSV of segmented text', () => {
    assert.strictEqual(segmented(CSV), false);
    assert.ok(detectionFeatures(CSV).fieldsPerLine > 3, `${detectionFeatures(CSV).fieldsPerLine}`);
    const segmentedColumn = SAMPLE.split(' 7 ').slice(0, 12).map((part, i) => `${i},${part.replace(/ /g, ',')}`).join('\n');
    assert.strictEqual(segmented(segmentedColumn), false);
  });

  it('a text too short to tell is not', () => {
    assert.strictEqual(segmented('Chủ_tịch UBND TPHCM Lê_Thanh_Hải'), false);
    assert.strictEqual(segmented(''), false);
  });

  it('reads only the first 64 K characters', () => {
    let english = '';
    while (english.length < DETECT_HEAD_CHARS) english += ENGLISH;
    assert.strictEqual(segmented(english + SAMPLE), false, 'a corpus after 64 K of English is not seen');
    let corpus = '';
    while (corpus.length < DETECT_HEAD_CHARS) corpus += SAMPLE + '\n';
    assert.strictEqual(segmented(corpus + PYTHON.repeat(100)), true, 'code after 64 K of corpus is not seen');
    // A token cut by the limit is left out rather than judged by its first half.
    const cut = 'a '.repeat(DETECT_HEAD_CHARS / 2 - 2) + 'x_y_z_w';
    assert.strictEqual(detectionFeatures(cut).tokens, DETECT_HEAD_CHARS / 2 - 2);
  });

  it('knows Vietnamese syllable shapes', () => {
    for (const word of ['gì', 'nghiêng', 'quyển', 'khuya', 'Nguyễn', 'TRƯỜNG', 'đường', 'oanh', 'ạ', 'Việt'.normalize('NFD')]) {
      assert.ok(isVietnameseSyllable(word), word);
    }
    for (const word of ['max', 'value', 'string', 'dh', 'make', 'item', 'ngghe', 'bcd', 'café', '']) {
      assert.ok(!isVietnameseSyllable(word), word);
    }
  });
});

describe('detect segmented text: properties', () => {
  const SAMPLE_TOKENS = [...new Set(SAMPLE.split(' '))];
  const OTHER_TOKENS = [...new Set((ENGLISH + PYTHON + CSV + VIETNAMESE_IDENTIFIERS).split(/\s+/).filter(Boolean))];
  const tokenArb = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...SAMPLE_TOKENS) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER_TOKENS) });
  const lineArb = fc.array(tokenArb, { maxLength: 60 }).map((tokens) => tokens.join(' '));
  const textArb = fc.array(lineArb, { minLength: 1, maxLength: 30 }).map((lines) => lines.join('\n'));

  it('a BOM, CRLF line endings or NFD change no feature (so no verdict)', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const features = detectionFeatures(text);
        assert.deepStrictEqual(detectionFeatures('\ufeff' + text.replace(/\n/g, '\r\n')), features);
        assert.deepStrictEqual(detectionFeatures(text.normalize('NFD')), features);
      }),
    );
  });

  it('shares stay between 0 and 1, and the verdict needs the compounds', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const { segmented: verdict, features } = detectSegmentedCorpus(text);
        for (const [name, value] of Object.entries(features)) {
          if (name.endsWith('Share')) assert.ok(value >= 0 && value <= 1, `${name} ${value}`);
        }
        if (verdict) assert.ok(features.compoundShare > 0);
        // Joining no syllable at all (underscores as spaces) always makes plain text.
        assert.strictEqual(segmented(text.replace(/_/g, ' ')), false);
      }),
    );
  });
});
