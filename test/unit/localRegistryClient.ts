// Small fetch helpers for the local registry's own tests.

export interface Envelope {
  status: string;
  body?: unknown;
  message: string;
}

export interface EnvelopeAnswer {
  httpStatus: number;
  contentType: string;
  envelope: Envelope;
}

export interface TextAnswer {
  httpStatus: number;
  contentType: string;
  text: string;
}

export async function fetchText(url: string, init: RequestInit = {}): Promise<TextAnswer> {
  const response = await fetch(url, init);
  return {
    httpStatus: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

export async function fetchEnvelope(url: string, init: RequestInit = {}): Promise<EnvelopeAnswer> {
  const answer = await fetchText(url, init);
  return {
    httpStatus: answer.httpStatus,
    contentType: answer.contentType,
    envelope: JSON.parse(answer.text) as Envelope,
  };
}

/** The body of an OK envelope; fails with the envelope's message otherwise. */
export async function okBody<T>(url: string, init: RequestInit = {}): Promise<T> {
  const { envelope } = await fetchEnvelope(url, init);
  if (envelope.status !== 'OK') {
    throw new Error(`${init.method ?? 'GET'} ${url}: ${envelope.status} ${envelope.message}`);
  }
  return envelope.body as T;
}

export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}) {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  } satisfies RequestInit;
}

export function basicAuth(token: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`root:${token}`).toString('base64')}` };
}

export interface VersionView {
  number: number;
  tag: string;
  images: string[];
  state_files: string[] | null;
  state_file: string;
  size: number;
  arch: string;
  description: string;
  last_pull?: number;
  last_push?: number;
  creation_date?: number;
}

export interface TemplateView {
  id: string;
  name: string;
  versions: VersionView[];
  size: number;
  arch: string;
  last_pull?: number;
  last_push?: number;
}

export interface TemplateSummary {
  id: string;
  name: string;
  size: number;
}
