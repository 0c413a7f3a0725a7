// Restore over UTF-8 bytes, for big files: the same output as restoreLine, byte for byte.
import { buildMarkTable } from './marks';
import { restoreLine } from './restore';
import { Scheme, placeholderFor } from './scheme';
import { Tokenizer } from './tokens';
import { ByteMarks, ByteOutput, CR, LF, SPACE, TAB, decoder, encoder, isDigitByte } from './byteText';

/**
 * Streaming restorer over UTF-8 bytes: placeholders become their default marks, everything else
 * stays. Separators are replaced on bytes; a line with a pair placeholder is decoded and restored
 * by restoreLine, whose pairing reads the context as normalize does.
 */
export class ByteRestorer {
  private readonly marks: ByteMarks;
  private readonly separator: Array<Uint8Array | undefined> = [];
  /** Whether a digit is a pair placeholder: its line takes the string path. */
  private readonly pairDigit = new Uint8Array(10);
  private readonly tokenizer: Tokenizer;

  constructor(private readonly scheme: Scheme) {
    this.marks = new ByteMarks(buildMarkTable(scheme));
    this.tokenizer = new Tokenizer(scheme);
    for (let d = 0; d <= 9; d++) {
      const p = placeholderFor(scheme, String(d));
      this.separator.push(p?.role === 'separator' ? encoder.encode(p.mark) : undefined);
      this.pairDigit[d] = p?.role === 'pair' ? 1 : 0;
    }
  }

  restoreChunk(input: Uint8Array): Uint8Array {
    const out = new ByteOutput(input.length + (input.length >> 2) + 64);
    const n = input.length;
    let i = 0;
    while (i < n) {
      let e = i;
      let hasPair = false;
      while (e < n && input[e] !== LF && input[e] !== CR) {
        if (isDigitByte(input[e]) && this.pairDigit[input[e] - 0x30] === 1) hasPair = true;
        e++;
      }
      if (hasPair) {
        const line = encoder.encode(restoreLine(decoder.decode(input.subarray(i, e)), this.scheme, this.tokenizer));
        out.bytes(line, 0, line.length);
      } else {
        this.restoreSeparators(input, i, e, out);
      }
      if (e < n) {
        const ending = input[e] === CR && input[e + 1] === LF ? 2 : 1;
        out.bytes(input, e, e + ending);
        e += ending;
      }
      i = e;
    }
    return out.result();
  }

  private restoreSeparators(input: Uint8Array, start: number, end: number, out: ByteOutput): void {
    let i = start;
    while (i < end) {
      const b = input[i];
      if (b === SPACE || b === TAB) {
        out.bytes(input, i, i + 1);
        i++;
        continue;
      }
      const s = i;
      while (i < end && input[i] !== SPACE && input[i] !== TAB) i++;
      const mark = isDigitByte(b) && (i - s === 1 || this.marks.splits(input, s + 1, i)) ? this.separator[b - 0x30] : undefined;
      if (mark) {
        out.bytes(mark, 0, mark.length);
        out.bytes(input, s + 1, i);
      } else {
        out.bytes(input, s, i);
      }
    }
  }
}
