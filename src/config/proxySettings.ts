import * as vscode from 'vscode';
import type { ProxyConfig } from '../registry/auth';

/** The settings that decide how registries are reached through proxies, as VS Code reads them. */
export const PROXY_SETTINGS = [
  'http.proxy',
  'http.proxyStrictSSL',
  'http.noProxy',
  'http.proxySupport',
  'http.proxyAuthorization',
];

export function readProxyConfig(): ProxyConfig {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy', '').trim();
  const noProxy = http.get<unknown>('noProxy', []);
  const header = http.get<unknown>('proxyAuthorization');
  const authorization = typeof header === 'string' && header !== '' ? header : undefined;
  return {
    proxy: proxy === '' ? undefined : proxy,
    authorization,
    strictSSL: http.get<boolean>('proxyStrictSSL', true) !== false,
    noProxy: Array.isArray(noProxy) ? noProxy.filter((item) => typeof item === 'string') : [],
    enabled: http.get<string>('proxySupport', 'override') !== 'off',
    env: process.env,
  };
}
