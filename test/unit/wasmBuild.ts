// The WebAssembly normalizer as the unit tests run it: dist/normalize.wasm, built by npm run build (npm test's pretest).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NormalizePlan } from '../../src/core/normalize';
import { WasmModule, WasmNormalizer, WasmNormalizerOptions, compileNormalizer } from '../../src/wasm/normalizer';
import { REPO } from './fixtures';

export const WASM_PATH = path.join(REPO, 'dist', 'normalize.wasm');

let compiled: WasmModule | undefined;

/** The compiled module, once per test run. */
export function wasmModule(): WasmModule {
  if (!compiled) {
    assert.ok(fs.existsSync(WASM_PATH), `${WASM_PATH} is built by npm run build (npm test's pretest)`);
    compiled = compileNormalizer(fs.readFileSync(WASM_PATH));
    assert.ok(compiled, 'normalize.wasm compiles (WebAssembly with SIMD)');
  }
  return compiled;
}

/** A WebAssembly normalizer for `plan`; fails the test when the plan does not run on it. */
export function wasmFor(plan: NormalizePlan, options: WasmNormalizerOptions = {}): WasmNormalizer {
  const normalizer = WasmNormalizer.create(plan, wasmModule(), options);
  assert.ok(normalizer, 'the plan runs on WebAssembly');
  return normalizer;
}
