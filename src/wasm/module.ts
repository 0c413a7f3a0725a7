// normalize.wasm as the bundles carry it: esbuild.mjs compiles src/wasm/normalize.as and defines
// SEGCORPUS_NORMALIZE_WASM as its base64. Unbundled (tsc's out/), there is none and callers use the string normalizer.
import { WasmModule, compileNormalizer } from './normalizer';

declare const SEGCORPUS_NORMALIZE_WASM: string | undefined;

let compiled: WasmModule | null | undefined;

/** The compiled module, once per thread; undefined when not bundled or when WebAssembly SIMD is missing. */
export function normalizerModule(): WasmModule | undefined {
  if (compiled === undefined) {
    const base64 = typeof SEGCORPUS_NORMALIZE_WASM === 'string' ? SEGCORPUS_NORMALIZE_WASM : undefined;
    compiled = (base64 && compileNormalizer(Buffer.from(base64, 'base64'))) || null;
  }
  return compiled ?? undefined;
}
