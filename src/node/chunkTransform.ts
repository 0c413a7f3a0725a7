// The byte transforms a file job can run, built from plain data so a worker thread can build the same one.
import { ByteRestorer } from '../core/byteRestorer';
import { FieldPath, RecordOptions, rewriteRecords } from '../core/jsonl';
import { NormalizeOptions, normalizeBytes, planNormalize, withBreakWords } from '../core/normalize';
import { schemeFromJson, schemeToJson, Scheme } from '../core/scheme';
import { normalizerModule } from '../wasm/module';
import { WasmNormalizer } from '../wasm/normalizer';

/** Below this, a chunk goes to the string normalizer (see buildTransform). */
export const WASM_MIN_CHUNK_BYTES = 64 * 1024;

/** Structured-clone friendly description of a transform. */
export type TransformSpec = (
  | { readonly op: 'normalize'; readonly scheme: object; readonly options: Partial<NormalizeOptions>; readonly breakWords?: readonly string[] }
  | { readonly op: 'restore'; readonly scheme: object }
) & {
  /** JSON Lines: only this field of each record is rewritten (--jsonl --field). */
  readonly records?: RecordOptions;
};

/**
 * `afterLoneCr`: the lines follow a lone CR that ended the previous run (see LineChunker). The
 * output is a fresh array, or a view of `into` (free room the caller reuses) when it was written
 * there; with JSON Lines and nothing to change, it may be `lines` itself.
 */
export type ChunkTransform = (lines: Uint8Array, afterLoneCr: boolean, into?: Uint8Array) => Uint8Array;

export function transformSpec(op: 'normalize' | 'restore', scheme: Scheme, options: Partial<NormalizeOptions> = {}, breakWords?: readonly string[], records?: RecordOptions): TransformSpec {
  const extra = records ? { records } : {};
  if (op === 'restore') return { op, scheme: schemeToJson(scheme), ...extra };
  return breakWords ? { op, scheme: schemeToJson(scheme), options, breakWords, ...extra } : { op, scheme: schemeToJson(scheme), options, ...extra };
}

export function buildTransform(spec: TransformSpec): ChunkTransform {
  const lines = buildLineTransform(spec);
  const records = spec.records;
  if (!records) return lines;
  // JSON Lines: the field's texts of a chunk go through the line transform together, as lines.
  const path = new FieldPath(records.field);
  return (chunk) => rewriteRecords(chunk, records, path, (bytes) => lines(bytes, false));
}

function buildLineTransform(spec: TransformSpec): ChunkTransform {
  const scheme = schemeFromJson(spec.scheme);
  if (spec.op === 'normalize') {
    const base = planNormalize(scheme, spec.options);
    const plan = spec.breakWords ? withBreakWords(base, spec.breakWords) : base;
    // The WebAssembly normalizer does the work; the string normalizer gives the same bytes, slower,
    // and takes what it cannot: plans that infer sentence breaks, runtimes without WebAssembly SIMD,
    // and a run of only small chunks, which would wait for the module's compile (about 20 ms) for
    // nothing. Chunks hold whole lines, so the two can take turns. SEGCORPUS_WASM is a testing knob:
    // 0 for the string normalizer only, 1 for the WebAssembly one on every chunk.
    const knob = process.env.SEGCORPUS_WASM;
    const minChunk = knob === '1' ? 0 : WASM_MIN_CHUNK_BYTES;
    let wasm: WasmNormalizer | null | undefined = knob === '0' || plan.breakWords ? null : undefined;
    // Once made, the module takes every chunk, small ones too, so the string normalizer is not compiled for them.
    return (lines, afterLoneCr, into) => {
      if ((lines.length >= minChunk || wasm) && wasm !== null) {
        wasm ??= WasmNormalizer.create(plan, normalizerModule()) ?? null;
        if (wasm) return wasm.normalizeChunk(lines, afterLoneCr, into);
      }
      return normalizeBytes(lines, plan, afterLoneCr);
    };
  }
  // The same split for restore: WebAssembly for big chunks (it reads pairs with the normalizer's
  // own token reader and the shared rules), ByteRestorer for the rest and as the fallback.
  const restorer = new ByteRestorer(scheme);
  const knob = process.env.SEGCORPUS_WASM;
  const minChunk = knob === '1' ? 0 : WASM_MIN_CHUNK_BYTES;
  let wasm: WasmNormalizer | null | undefined = knob === '0' ? null : undefined;
  return (lines, _afterLoneCr, into) => {
    if ((lines.length >= minChunk || wasm) && wasm !== null) {
      wasm ??= WasmNormalizer.create(planNormalize(scheme), normalizerModule()) ?? null;
      if (wasm) {
        try {
          return wasm.restoreChunk(lines, into);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
        }
      }
    }
    return restorer.restoreChunk(lines);
  };
}
