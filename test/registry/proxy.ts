// A small forward proxy for tests: plain requests in absolute form and CONNECT tunnels. Every
// target, whatever its host name, is reached on 127.0.0.1, so tests never leave this machine.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** `host:port` of the target as the client asked for it. */
  target: string;
}

export interface LocalProxyOptions {
  /** Answers 407 unless `Proxy-Authorization: Basic base64(<this>)` is sent. */
  credentials?: string;
  /** Answers every request and CONNECT with this status instead of forwarding. */
  failWith?: number;
}

export interface LocalProxy {
  /** Like http://127.0.0.1:40123. */
  readonly url: string;
  readonly port: number;
  readonly requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startLocalProxy(options: LocalProxyOptions = {}): Promise<LocalProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((incoming, response) => {
    const target = new URL(incoming.url ?? '/', 'http://invalid');
    requests.push({ method: incoming.method ?? 'GET', target: target.host });
    const refusal = refuse(incoming, options);
    if (refusal) {
      response.writeHead(refusal.status, refusal.headers).end(refusal.body);
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(target.port || 80),
        method: incoming.method,
        path: `${target.pathname}${target.search}`,
        headers: withoutProxyHeaders(incoming),
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end('502 Bad Gateway\n'));
    incoming.pipe(upstream);
  });
  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    const target = incoming.url ?? '';
    requests.push({ method: 'CONNECT', target });
    const refusal = refuse(incoming, options);
    if (refusal) {
      const statusLine = `HTTP/1.1 ${refusal.status} ${refusal.text}`;
      client.end(`${statusLine}\r\n${headerLines(refusal.headers)}\r\n`);
      return;
    }
    const port = Number(target.slice(target.lastIndexOf(':') + 1));
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}

interface Refusal {
  status: number;
  text: string;
  headers: Record<string, string>;
  body: string;
}

function refuse(incoming: IncomingMessage, options: LocalProxyOptions): Refusal | undefined {
  if (options.credentials !== undefined) {
    const expected = `Basic ${Buffer.from(options.credentials).toString('base64')}`;
    if (incoming.headers['proxy-authorization'] !== expected) {
      const headers = { 'Proxy-Authenticate': 'Basic realm="test proxy"' };
      return { status: 407, text: 'Proxy Authentication Required', headers, body: '' };
    }
  }
  if (options.failWith !== undefined) {
    const html = `<html><head><title>${options.failWith} Proxy Error</title></head></html>`;
    const headers = { 'Content-Type': 'text/html' };
    return { status: options.failWith, text: 'Proxy Error', headers, body: html };
  }
  return undefined;
}

function withoutProxyHeaders(incoming: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined && !name.startsWith('proxy-')) {
      headers[name] = value;
    }
  }
  return headers;
}

function headerLines(headers: Record<string, string>): string {
  return Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
}
