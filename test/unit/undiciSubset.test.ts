import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import * as undici from 'undici';
import { createAgent, request, undiciClasses } from '../../src/registry/undici';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the undici subset the client uses', () => {
  let server: Server;
  let url: string;
  let proxy: Server;
  let proxyUrl: string;
  const tunnels: string[] = [];
  const seen: Array<{ method?: string; url?: string; body: string }> = [];

  before(async () => {
    server = createServer((incoming, response) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
      incoming.on('end', () => {
        seen.push({ method: incoming.method, url: incoming.url, body });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 'OK', body: { echoed: body }, message: '' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A proxy that only tunnels: every request must come through CONNECT.
    proxy = createServer((_incoming, response) => response.writeHead(405).end());
    proxy.on('connect', (incoming, socket, head) => {
      tunnels.push(incoming.url ?? '');
      const [host = '', port = ''] = (incoming.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  after(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('exports the package\'s own Agent and ProxyAgent classes', () => {
    const { Agent, ProxyAgent } = undiciClasses();
    assert.equal(Agent, undici.Agent);
    assert.equal(ProxyAgent, undici.ProxyAgent);
  });

  it('sends a request with its path, query, method and body through the given agent', async () => {
    const agent = createAgent({ connections: 2 });
    try {
      const response = await request(`${url}/registry/v2/vm?id=a%2Bb`, {
        dispatcher: agent,
        method: 'PUT',
        body: '{"arch":"arm64"}',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(response.statusCode, 200);
      const json = (await response.body.json()) as { body: { echoed: string } };
      assert.equal(json.body.echoed, '{"arch":"arm64"}');
      assert.deepEqual(seen.at(-1), {
        method: 'PUT',
        url: '/registry/v2/vm?id=a%2Bb',
        body: '{"arch":"arm64"}',
      });
      const plain = await request(`${url}/registry/status`, { dispatcher: agent });
      await plain.body.text();
      assert.equal(seen.at(-1)?.method, 'GET');
    } finally {
      await agent.close();
    }
  });

  it('is aborted by a signal like the package\'s request', async () => {
    const agent = createAgent();
    try {
      await assert.rejects(
        () => request(`${url}/slow`, { dispatcher: agent, signal: AbortSignal.abort() }),
        (error: Error) => error.name === 'AbortError' || /abort/i.test(error.message),
      );
    } finally {
      await agent.close();
    }
  });

  it('bundles without undici\'s unused parts and still talks HTTP', async () => {
    const esbuild = await import('esbuild');
    const trim = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'lib', 'undici-trim.mjs')).href;
    const { undiciTrim } = (await import(trim)) as { undiciTrim: import('esbuild').Plugin };
    const result = await esbuild.build({
      stdin: {
        contents: "module.exports = require('./src/registry/undici.ts');",
        resolveDir: REPO_ROOT,
        loader: 'js',
      },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      metafile: true,
      logLevel: 'silent',
      plugins: [undiciTrim],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const unused = [
      'llhttp_simd-wasm.js', 'web/fetch/index.js', 'mock/', 'web/websocket/',
      'api/api-stream.js', 'api/api-pipeline.js', 'api/api-upgrade.js',
    ];
    for (const left of unused) {
      assert.ok(!inputs.some((input) => input.includes(left)), `${left} is not bundled`);
    }
    assert.ok(inputs.some((input) => input.includes('llhttp/llhttp-wasm.js')), 'the parser is');
    const parser = Object.entries(result.metafile.outputs)[0]![1].inputs;
    const parserBytes = Object.entries(parser)
      .find(([input]) => input.includes('llhttp/llhttp-wasm.js'))![1].bytesInOutput;
    assert.ok(parserBytes < 30_000, `the parser is bundled compressed (${parserBytes} bytes)`);

    const bundled = { exports: {} as typeof import('../../src/registry/undici') };
    new Function('module', 'exports', 'require', result.outputFiles[0]!.text)(
      bundled, bundled.exports, require,
    );
    const agent = bundled.exports.createAgent();
    const tunnelling = bundled.exports.createProxyAgent({ uri: proxyUrl, proxyTunnel: true });
    try {
      const status = `${url}/registry/status`;
      const response = await bundled.exports.request(status, { dispatcher: agent });
      assert.equal(response.statusCode, 200);
      assert.match(await response.body.text(), /"status":"OK"/);

      // The proxy agent tunnels with the dispatchers' connect(), which undici's index adds.
      const proxied = await bundled.exports.request(status, { dispatcher: tunnelling });
      assert.equal(proxied.statusCode, 200);
      assert.match(await proxied.body.text(), /"status":"OK"/);
      assert.deepEqual(tunnels, [new URL(url).host]);
    } finally {
      await agent.close();
      await tunnelling.close();
    }
  });
});
