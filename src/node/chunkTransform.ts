// The byte transforms a file job can run, built from plain data so a worker thread can build the same one.
import { ByteNormalizer, ByteRestorer } from '../core/bytes';
import { NormalizeOptions, planNormalize, withBreakWords } from '../core/normalize';
import { schemeFromJson, schemeToJson, Scheme } from '../core/scheme';
import { normalizerModule } from '../wasm/module';
import { WasmNormalizer } from '../wasm/normalizer';

/** Structured-clone friendly description of a transform. */
export type TransformSpec =
  | { readonly op: 'normalize'; readonly scheme: object; readonly options: Partial<NormalizeOptions>; readonly breakWords?: readonly string[] }
  | { readonly op: 'restore'; readonly scheme: object };

/** `afterLoneCr`: the lines follow a lone CR that ended the previous run (see LineChunker). */
export type ChunkTransform = (lines: Uint8Array, afterLoneCr: boolean) => Uint8Array;

export function transformSpec(op: 'normalize' | 'restore', scheme: Scheme, options: Partial<NormalizeOptions> = {}, breakWords?: readonly string[]): TransformSpec {
  if (op === 'restore') return { op, scheme: schemeToJson(scheme) };
  return breakWords ? { op, scheme: schemeToJson(scheme), options, breakWords } : { op, scheme: schemeToJson(scheme), options };
}

export function buildTransform(spec: TransformSpec): ChunkTransform {
  const scheme = schemeFromJson(spec.scheme);
  if (spec.op === 'normalize') {
    const base = planNormalize(scheme, spec.options);
    const plan = spec.breakWords ? withBreakWords(base, spec.breakWords) : base;
    // The WebAssembly normalizer gives the same bytes, faster; plans that transform text (NFC, tone
    // style) use the JS one. SEGCORPUS_WASM=0 is a testing knob: the JS path for every plan.
    const wasm = process.env.SEGCORPUS_WASM === '0' || plan.breakWords ? undefined : WasmNormalizer.create(plan, normalizerModule());
    const normalizer = wasm ?? new ByteNormalizer(plan);
    return (lines, afterLoneCr) => normalizer.normalizeChunk(lines, afterLoneCr);
  }
  const restorer = new ByteRestorer(scheme);
  return (lines) => restorer.restoreChunk(lines);
}
