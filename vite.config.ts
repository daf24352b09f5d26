import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspMeta, dropUnusedModels, gemmModel, ortWasmAssets, precacheList, securityHeaders } from './scripts/vite/plugins.ts';

// onnxruntime-web: the `onnxruntime-web-use-extern-wasm` condition picks the builds that load
// ort-wasm-simd-threaded.mjs/.wasm from ort.env.wasm.wasmPaths (our origin, /ort/) instead of
// inlining them, so the wasm threads start from a small same-origin script.
const conditions = ['onnxruntime-web-use-extern-wasm', 'module', 'browser', 'development|production'];

export default defineConfig(({ command }) => ({
  plugins: [react(), ortWasmAssets(), gemmModel(), cspMeta(), dropUnusedModels(), precacheList()],
  resolve: { conditions },
  worker: { format: 'es', plugins: () => [gemmModel()] },
  // Pre-bundle what the worker imports, so the dev server does not discover it late and reload the page.
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['exifr', 'comlink', 'idb', 'react', 'react-dom/client', 'umap-js', 'diff', 'papaparse', 'hyparquet', 'hyparquet-compressors'] },
  server: { headers: securityHeaders(command === 'serve'), port: 5173 },
  preview: { headers: securityHeaders(false), port: 4173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
}));
