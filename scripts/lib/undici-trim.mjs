// An esbuild plugin that leaves out parts of undici the extension never reaches, each replaced by
// a stub that fails clearly if it ever were. src/registry/undici.ts requires undici file by file;
// these four come in through files the client does need. Only the imports named here are
// replaced, so code that imports all of undici still gets the real files.
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

export const undiciTrim = {
  name: 'undici-trim',
  setup(build) {
    build.onResolve({ filter: /\.\/|\.\.\// }, (args) => {
      const index = STUBS.findIndex(
        (stub) => stub.request.test(args.path) && stub.importer.test(args.importer),
      );
      return index < 0 ? undefined : { path: `stub-${index}`, namespace: NAMESPACE };
    });
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => {
      const stub = STUBS[Number(args.path.slice('stub-'.length))];
      return { contents: stub.contents, loader: 'js' };
    });
  },
};
