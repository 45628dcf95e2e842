// The stand-in CLI's requests to a registry: reads through the REST API (signed in with an API
// key's handshake when given one), pushes through the local registry's control route.
import { constants, privateDecrypt } from 'node:crypto';
import { CliFailure, EXIT } from './output';

/** An API key as the CLI gets it: `--api-key-id` and the PEM of `--api-key`. */
export interface ApiKeyAuth {
  id: string;
  pem: string;
}

export interface RemoteVersion {
  number: number;
  tag: string;
  size: number;
}

export interface RemoteTemplate {
  id: string;
  name: string;
  arch: string;
  versions: RemoteVersion[];
}

export class RegistryApi {
  private authorization: string | undefined;

  constructor(
    readonly url: string,
    private readonly apiKey?: ApiKeyAuth,
  ) {}

  async listTemplates(): Promise<Array<{ id: string; name: string }>> {
    const body = await this.request('GET', '/registry/v2/vm');
    return Array.isArray(body) ? (body as Array<{ id: string; name: string }>) : [];
  }

  async template(id: string): Promise<RemoteTemplate> {
    const route = `/registry/v2/vm?id=${encodeURIComponent(id)}`;
    return (await this.request('GET', route)) as RemoteTemplate;
  }

  /** Finds a template by id, else by name; undefined when the registry has none. */
  async findTemplate(idOrName: string): Promise<RemoteTemplate | undefined> {
    const list = await this.listTemplates();
    const found = list.find((t) => t.id === idOrName) ?? list.find((t) => t.name === idOrName);
    return found ? this.template(found.id) : undefined;
  }

  async recordPush(push: {
    id: string;
    name: string;
    tag: string;
    description: string;
    layerBytes: number;
  }): Promise<{ id: string; name: string; tag: string; number: number }> {
    return (await this.request('POST', '/__local/pushes', push)) as {
      id: string;
      name: string;
      tag: string;
      number: number;
    };
  }

  /** The API key handshake: decrypt the registry's secret, trade it for a bearer session. */
  private async signIn(key: ApiKeyAuth): Promise<string> {
    const sealed = await this.send('POST', '/tap/v1/hand', { id: key.id }, undefined);
    let secret: string;
    try {
      const padding = constants.RSA_PKCS1_OAEP_PADDING;
      const encrypted = Buffer.from(String(sealed), 'base64');
      secret = privateDecrypt({ key: key.pem, padding, oaepHash: 'sha256' }, encrypted).toString();
    } catch {
      const message = `API key ${key.id} does not match the registry's`;
      throw new CliFailure(message, EXIT.error, 'TAPException');
    }
    const shake = { id: key.id, secret };
    const session = (await this.send('POST', '/tap/v1/shake', shake, undefined)) as {
      data?: unknown;
    };
    return `Bearer ${Buffer.from(JSON.stringify(session.data)).toString('base64')}`;
  }

  private async request(method: string, route: string, json?: unknown): Promise<unknown> {
    if (this.apiKey && this.authorization === undefined && !route.startsWith('/__local/')) {
      this.authorization = await this.signIn(this.apiKey);
    }
    return this.send(method, route, json, this.authorization);
  }

  private async send(
    method: string,
    route: string,
    json: unknown,
    authorization: string | undefined,
  ): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (authorization !== undefined) {
      headers.Authorization = authorization;
    }
    let response: Response;
    try {
      response = await fetch(`${this.url}${route}`, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      throw new CliFailure(`failed to connect to registry ${this.url}: ${cause}`, EXIT.error);
    }
    const text = await response.text();
    let envelope: { status?: unknown; body?: unknown; message?: unknown };
    try {
      envelope = JSON.parse(text) as typeof envelope;
    } catch {
      throw new CliFailure(`registry answered HTTP ${response.status}: ${text.trim()}`, EXIT.error);
    }
    if (envelope.status !== 'OK') {
      const message = typeof envelope.message === 'string' ? envelope.message : 'unknown error';
      throw new CliFailure(`registry error: ${message}`, EXIT.error);
    }
    return envelope.body;
  }
}
