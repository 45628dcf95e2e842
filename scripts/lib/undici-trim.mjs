import { readFile } from 'node:fs/promises';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

// An esbuild plugin that leaves out parts of undici the extension never reaches, each replaced by
// a stub that fails clearly if it ever were, and ships undici's HTTP parser compressed.
// src/registry/undici.ts requires undici file by file; the four stubs below come in through files
// the client does need. Only the imports named here are replaced, so code that imports all of
// undici still gets the real files.
const STUBS = [
  {
    // The SIMD build of the HTTP parser duplicates the portable one (72 KB of base64). Compiling
    // this empty module fails, and undici falls back to the portable build, which runs anywhere.
    request: /llhttp_simd-wasm\.js$/,
    importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h1\.js$/,
    contents: "module.exports = require('node:buffer').Buffer.alloc(0);",
  },
  {
    // Encodes FormData and Blob request bodies; the client sends JSON text only.
    request: /web[\\/]fetch[\\/]body\.js$/,
    importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h[12]\.js$/,
    contents: 'module.exports.extractBody = () => { ' +
      "throw new Error('FormData request bodies are not part of this build') };",
  },
  {
    // HTTP/2 runs only with allowH2, which the client never sets (ALPN offers http/1.1 alone).
    request: /client-h2\.js$/,
    importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/,
    contents: 'module.exports = function connectH2 () { ' +
      "throw new Error('HTTP/2 is not part of this build') };",
  },
  {
    // SOCKS proxies: the proxy settings accept http:// and https:// proxies only.
    request: /socks5-proxy-agent(\.js)?$/,
    importer: /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]proxy-agent\.js$/,
    contents: 'module.exports = class Socks5ProxyAgent { constructor () { ' +
      "throw new Error('SOCKS proxies are not supported; use an http:// or https:// proxy') } };",
  },
];

const NAMESPACE = 'undici-trim';

// undici's HTTP parser is WebAssembly kept as 72 KB of base64 text. Brotli shrinks it to a
// quarter; undici reads the module on the first connection, and unpacking takes under 1 ms.
const PARSER = /[\\/]undici[\\/]lib[\\/]llhttp[\\/]llhttp-wasm\.js$/;

async function compressedParser(file) {
  const source = await readFile(file, 'utf8');
  const base64 = /const wasmBase64 = '([A-Za-z0-9+/=]+)'/.exec(source)?.[1];
  if (!base64) {
    throw new Error(`${file} no longer holds the parser as wasmBase64; update undici-trim.mjs`);
  }
  const wasm = Buffer.from(base64, 'base64');
  const packed = brotliCompressSync(wasm, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
  if (!brotliDecompressSync(packed).equals(wasm)) {
    throw new Error('the compressed HTTP parser does not unpack to the original');
  }
  return [
    "const { brotliDecompressSync } = require('node:zlib');",
    'let wasm;',
    "Object.defineProperty(module, 'exports', { get: () => wasm ??= brotliDecompressSync(",
    `  Buffer.from('${packed.toString('base64')}', 'base64')) });`,
  ].join('\n');
}

export const undiciTrim = {
  name: 'undici-trim',
  setup(build) {
    build.onResolve({ filter: /\.\/|\.\.\// }, (args) => {
      const index = STUBS.findIndex(
        (stub) => stub.request.test(args.path) && stub.importer.test(args.importer),
      );
      return index < 0 ? undefined : { path: `stub-${index}`, namespace: NAMESPACE };
    });
    build.onLoad({ filter: PARSER }, async (args) => ({
      contents: await compressedParser(args.path),
      loader: 'js',
    }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
      const stub = STUBS[Number(args.path.slice('stub-'.length))];
      return { contents: stub.contents, loader: 'js' };
    });
  },
};
