// The local registry over https: a server certificate and, optionally, client certificates.
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface LocalRegistryTls {
  /** PEM server certificate and key. */
  cert: string;
  key: string;
  /** PEM CA that client certificates must be issued by. */
  clientCa?: string;
  /**
   * 'required': no answer without a valid client certificate (the TLS layer closes the
   * connection). 'optional': a valid certificate signs the user in, none falls back to the
   * root token or an API key session, and an invalid one closes the connection, as a Go server
   * with VerifyClientCertIfGiven does.
   */
  clientCertificates?: 'required' | 'optional';
}

export function createRegistryServer(listener: RequestListener, tls?: LocalRegistryTls): Server {
  if (!tls) {
    return createHttpServer(listener);
  }
  const checking = tls.clientCertificates !== undefined;
  const server = createHttpsServer(
    {
      cert: tls.cert,
      key: tls.key,
      ...(tls.clientCa ? { ca: tls.clientCa } : {}),
      requestCert: checking,
      rejectUnauthorized: tls.clientCertificates === 'required',
    },
    listener,
  );
  if (tls.clientCertificates === 'optional') {
    server.on('secureConnection', (socket: TLSSocket) => {
      if (presentedCertificate(socket) && !socket.authorized) {
        socket.destroy();
      }
    });
  }
  return server;
}

/** Whether the client signed in with a certificate issued by the trusted CA. */
export function hasValidClientCertificate(socket: unknown): boolean {
  const tls = socket as Partial<TLSSocket>;
  const trusted = tls.encrypted === true && tls.authorized === true;
  return trusted && presentedCertificate(tls as TLSSocket);
}

function presentedCertificate(socket: TLSSocket): boolean {
  const peer = socket.getPeerCertificate();
  return peer !== null && typeof peer === 'object' && Object.keys(peer).length > 0;
}
