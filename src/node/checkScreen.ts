// check's screen of a run of whole lines: the WebAssembly screen (normalize.as) for big runs, ByteChecker for the rest and as the fallback.
import { ByteChecker, WASM_FINDING_LENGTH } from '../core/byteChecker';
import { Finding, FindingCode, LineChecker, RuleSetting, checkLine } from '../core/check';
import { planNormalize } from '../core/normalize';
import { Scheme, placeholderFor } from '../core/scheme';
import { Tokenizer } from '../core/tokens';
import { normalizerModule } from '../wasm/module';
import { DigitRole, WasmNormalizer } from '../wasm/normalizer';
import { WASM_MIN_CHUNK_BYTES } from './chunkTransform';
import { forEachLineOf } from './variationsFiles';

/**
 * Checks runs of whole lines with the rules of LineChecker (not the hints, which need the whole
 * file first, nor consistency, counted over all the files). Most lines are answered on bytes, by
 * WebAssembly for big runs (ByteChecker's screen at about twice its speed) or by ByteChecker; the
 * others are decoded and checked in full, so every message is LineChecker's.
 * SEGCORPUS_WASM is a testing knob: 0 never uses WebAssembly, 1 uses it for every run.
 */
export class RunChecker {
  private readonly screen: ByteChecker;
  private readonly checker: LineChecker;
  private readonly tokenizer: Tokenizer;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly roles: DigitRole[] = [];
  private readonly minWasmBytes: number;
  private wasm: WasmNormalizer | null | undefined;

  constructor(
    private readonly scheme: Scheme,
    severities: Readonly<Record<FindingCode, RuleSetting>>,
  ) {
    this.screen = new ByteChecker(scheme, severities);
    this.checker = new LineChecker(scheme, severities);
    this.tokenizer = new Tokenizer(scheme);
    for (let d = 0; d <= 9; d++) {
      const role = placeholderFor(scheme, String(d))?.role;
      this.roles.push(role === 'pair' ? DigitRole.Pair : role === 'separator' ? DigitRole.Separator : role === undefined ? DigitRole.Unknown : DigitRole.Other);
    }
    const knob = process.env.SEGCORPUS_WASM;
    this.minWasmBytes = knob === '1' ? 0 : WASM_MIN_CHUNK_BYTES;
    this.wasm = knob === '0' ? null : undefined;
  }

  /**
   * Calls `keep(findings, line)` for each line of the run `bytes` that has findings (`line` from 0
   * in the run), in order; returns how many lines the run has.
   */
  run(bytes: Uint8Array, keep: (found: readonly Finding[], line: number) => void): number {
    if (this.wasm !== null && (bytes.length >= this.minWasmBytes || this.wasm)) {
      // Check reads pairs with the scheme's default plan (as LineChecker(scheme) does).
      this.wasm ??= WasmNormalizer.create(planNormalize(this.scheme), normalizerModule()) ?? null;
      if (this.wasm) {
        try {
          return this.fromWasm(bytes, this.wasm, keep);
        } catch (error) {
          // Beyond what 32-bit WebAssembly memory holds: ByteChecker reads it.
          if (!(error instanceof RangeError)) throw error;
        }
      }
    }
    let line = 0;
    forEachLineOf(bytes, (start, end) => {
      const found = this.screen.checkLine(bytes, start, end) ?? this.full(bytes, start, end);
      if (found.length > 0) keep(found, line);
      line++;
    });
    return line;
  }

  private fromWasm(bytes: Uint8Array, wasm: WasmNormalizer, keep: (found: readonly Finding[], line: number) => void): number {
    const { lines, records } = wasm.screenChunk(bytes, this.roles);
    for (let p = 0; p < records.length; ) {
      const line = records[p];
      const start = records[p + 1];
      const end = records[p + 2];
      const n = records[p + 3];
      p += 4;
      const found = n < 0 ? this.full(bytes, start, end) : this.screen.screenFindings(bytes, records, p, n);
      if (n > 0) p += WASM_FINDING_LENGTH * n;
      if (found.length > 0) keep(found, line);
    }
    return lines;
  }

  /** The line decoded and checked by LineChecker. */
  private full(bytes: Uint8Array, start: number, end: number): Finding[] {
    return checkLine(this.tokenizer.tokenize(this.decoder.decode(bytes.subarray(start, end))), this.checker);
  }
}
