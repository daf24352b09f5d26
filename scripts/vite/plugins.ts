// Vite plugins for the app: security headers, onnxruntime-web's wasm files served from our own
// origin, and the kNN Gemm graph built at build time (so onnx-proto never ships to the browser).
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { gemmTransBModel } from '../../src/models/onnx-build.ts';

/** The Content-Security-Policy of the built app: nothing leaves the origin. */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'self'",
    // wasm needs 'wasm-unsafe-eval'; the dev server's React refresh preamble is an inline script.
    `script-src 'self' 'wasm-unsafe-eval'${dev ? " 'unsafe-inline'" : ''}`,
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "img-src 'self' blob: data:",
    "style-src 'self' 'unsafe-inline'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** Cross-origin isolation (needed for wasm threads) plus the CSP; where headers can be set, no
 *  other site may frame the app (frame-ancestors works only in a header, not in the page's meta CSP). */
export function securityHeaders(dev: boolean): Record<string, string> {
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': `${contentSecurityPolicy(dev)}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
  };
}

const ORT_DIST = join(process.cwd(), 'node_modules/onnxruntime-web/dist');
/** The wasm builds the app loads: plain SIMD+threads (WASM backend) and asyncify (WebGPU backend). */
export const ORT_FILES = [
  'ort-wasm-simd-threaded.mjs',
  'ort-wasm-simd-threaded.wasm',
  'ort-wasm-simd-threaded.asyncify.mjs',
  'ort-wasm-simd-threaded.asyncify.wasm',
];
/** URL prefix the files are served under (ort.env.wasm.wasmPaths = origin + this). */
export const ORT_PREFIX = '/ort/';

export function ortWasmAssets(): Plugin {
  return {
    name: 'synthscore:ort-wasm',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (!url.startsWith(ORT_PREFIX)) return next();
        const name = url.slice(ORT_PREFIX.length);
        if (!ORT_FILES.includes(name)) return next();
        const file = join(ORT_DIST, name);
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        res.setHeader('Content-Length', String(statSync(file).size));
        for (const [k, v] of Object.entries(securityHeaders(true))) res.setHeader(k, v);
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `${ORT_PREFIX.slice(1)}${name}`, source: readFileSync(join(ORT_DIST, name)) });
      }
    },
  };
}

const GEMM_ID = 'virtual:gemm-model';

/** `import gemmModel from 'virtual:gemm-model'`: the a·bᵀ ONNX graph's bytes, built in Node. */
export function gemmModel(): Plugin {
  return {
    name: 'synthscore:gemm-model',
    resolveId: (id) => (id === GEMM_ID ? `\0${GEMM_ID}` : null),
    load(id) {
      if (id !== `\0${GEMM_ID}`) return null;
      const b64 = Buffer.from(gemmTransBModel()).toString('base64');
      return `const s = atob(${JSON.stringify(b64)});\nconst b = new Uint8Array(s.length);\nfor (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);\nexport default b;\n`;
    },
  };
}

/** The built index.html carries the CSP and the service-worker registration, for static hosts. */
export function cspMeta(): Plugin {
  return {
    name: 'synthscore:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(false) }, injectTo: 'head-prepend' },
      // Isolation (threads) and offline use on static hosts: see public/coi-serviceworker.js.
      { tag: 'script', attrs: { src: './coi-register.js' }, injectTo: 'head' },
    ],
  };
}

/** Model variants the app never loads stay out of the build (the fp32 file is 17 MB). */
export function dropUnusedModels(): Plugin {
  return {
    name: 'synthscore:drop-unused-models',
    apply: 'build',
    async writeBundle(opts) {
      const models = join(opts.dir ?? 'dist', 'models');
      if (!existsSync(models)) return;
      for (const id of readdirSync(models)) rmSync(join(models, id, 'model-fp32.onnx'), { force: true });
    },
  };
}

/** Where the built site lists its files for offline use (read by public/coi-serviceworker.js). */
export const PRECACHE_FILE = 'precache.json';

/**
 * After the build: every file of the site with its size, and a version that changes with any
 * file's content, so the service worker can keep the whole app — shell, every built-in model, the
 * demo — for offline use, and replace the lot when an update changes any of it.
 */
export function precacheList(): Plugin {
  let outDir = 'dist';
  return {
    name: 'synthscore:precache-list',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const files: { path: string; bytes: number }[] = [];
      const hash = createHash('sha256');
      const walk = (dir: string, rel: string) => {
        for (const name of readdirSync(dir).sort()) {
          const abs = join(dir, name), path = rel ? `${rel}/${name}` : name;
          if (statSync(abs).isDirectory()) walk(abs, path);
          else if (path !== PRECACHE_FILE && path !== 'coi-serviceworker.js') {
            files.push({ path, bytes: statSync(abs).size });
            hash.update(path).update(readFileSync(abs));
          }
        }
      };
      walk(outDir, '');
      writeFileSync(join(outDir, PRECACHE_FILE), JSON.stringify({ version: hash.digest('hex').slice(0, 16), files }));
    },
  };
}
