// Free TCP ports on 127.0.0.1, the only address the tests use.
import net from 'node:net';

export const HOST = '127.0.0.1';

/** Resolves true when nothing listens on `port` at 127.0.0.1. */
export function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

/** A port the system just handed out as free. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `preferred` when it is free, else any free port. */
export async function preferredOrFreePort(preferred) {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return freePort();
}
