import { isIP } from 'node:net';
import { redactUrl } from '../url';
import type { ProxyConfig } from './types';

/** The proxy a registry is reached through, or why none is used. */
export type ProxyChoice =
  | { kind: 'proxy'; url: string; display: string }
  | { kind: 'direct'; why: string };

/**
 * Picks the proxy for a registry URL the way VS Code and curl do: `http.proxy`, else the
 * HTTPS_PROXY / HTTP_PROXY variables; never for loopback hosts or hosts matching no_proxy.
 */
export function chooseProxy(registryUrl: string, config: ProxyConfig): ProxyChoice {
  const target = new URL(registryUrl);
  const raw = config.enabled ? configuredProxy(target.protocol, config) : undefined;
  if (raw === undefined) {
    return { kind: 'direct', why: config.enabled ? 'no proxy is configured' : 'proxies are off' };
  }
  const host = bareHost(target.hostname);
  if (isLoopback(host)) {
    return { kind: 'direct', why: `${host} is a loopback address` };
  }
  const entries = [...config.noProxy, ...splitList(envValue(config.env, 'NO_PROXY'))];
  const matched = entries.find((entry) => matchesNoProxy(entry, host, effectivePort(target)));
  if (matched !== undefined) {
    return { kind: 'direct', why: `${host} matches the no_proxy entry "${matched}"` };
  }
  const url = withScheme(raw);
  return url === undefined
    ? { kind: 'direct', why: `the proxy setting "${redactUrl(raw)}" is not a URL` }
    : { kind: 'proxy', url, display: redactUrl(url) };
}

function configuredProxy(protocol: string, config: ProxyConfig): string | undefined {
  const setting = config.proxy?.trim();
  if (setting) {
    return setting;
  }
  const fromEnv =
    protocol === 'https:'
      ? (envValue(config.env, 'HTTPS_PROXY') ?? envValue(config.env, 'HTTP_PROXY'))
      : envValue(config.env, 'HTTP_PROXY');
  return fromEnv?.trim() || undefined;
}

/** Lower-case names win, as curl reads them. */
function envValue(env: ProxyConfig['env'], name: string): string | undefined {
  return env[name.toLowerCase()] ?? env[name];
}

function splitList(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
}

function withScheme(raw: string): string | undefined {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? text : undefined;
  } catch {
    return undefined;
  }
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

export function isLoopback(host: string): boolean {
  const bare = bareHost(host);
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1') {
    return true;
  }
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * One no_proxy entry against a host: `*`, an exact host, a domain suffix (`.corp`, `*.corp` or
 * `corp` for `a.corp`), `host:port`, or an IPv4 range in CIDR form.
 */
export function matchesNoProxy(entry: string, host: string, port: string): boolean {
  let pattern = entry.trim().toLowerCase();
  if (pattern === '*') {
    return true;
  }
  const portMatch = /^(.*[^:]):(\d+)$/.exec(pattern);
  if (portMatch && !pattern.includes('::')) {
    if (portMatch[2] !== port) {
      return false;
    }
    pattern = portMatch[1] ?? '';
  }
  pattern = bareHost(pattern);
  if (pattern.includes('/')) {
    return inCidr(host, pattern);
  }
  const domain = pattern.replace(/^\*?\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}

function inCidr(host: string, cidr: string): boolean {
  const [base = '', bitsText = ''] = cidr.split('/');
  const bits = Number(bitsText);
  if (isIP(host) !== 4 || isIP(base) !== 4 || !Number.isInteger(bits) || bits < 0 || bits > 32) {
    return false;
  }
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToNumber(host) & mask) >>> 0 === (ipv4ToNumber(base) & mask) >>> 0;
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => ((value << 8) | Number(part)) >>> 0, 0);
}
