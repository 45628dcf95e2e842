// Failures on the way through a proxy: refused, unknown, slow, or asking for credentials.
import * as l10n from '@vscode/l10n';
import { messageOf, type TransportFailure } from './failureCause';

/** A failure of the proxy itself rather than the registry; undefined for others. */
export function classifyProxy(
  error: unknown,
  codes: string[],
  host: string,
  proxy: string,
): TransportFailure | undefined {
  const code = codes[0];
  const message = messageOf(error);
  const status = /Proxy response \((\d{3})\)|\((407)\)/.exec(message);
  const proxyStatus = status?.[1] ?? status?.[2];
  if (proxyStatus === '407') {
    const wants = l10n.t({
      message: 'the proxy {0} wants credentials (HTTP 407)',
      args: [proxy],
      comment: ['{0} is the proxy URL'],
    });
    const hint = l10n.t({
      message: 'add them to "http.proxy" or "http.proxyAuthorization"',
      comment: ['"them" are the proxy credentials; both quoted names are settings'],
    });
    return { kind: 'network', reason: `${wants}; ${hint}`, code };
  }
  if (proxyStatus !== undefined) {
    const failed = l10n.t({
      message: 'the proxy {0} could not connect to {1} (HTTP {2})',
      args: [proxy, host, proxyStatus],
      comment: ['{0} is the proxy URL, {1} the registry host, {2} an HTTP status code'],
    });
    const hint = l10n.t({
      message: 'add the host to "http.noProxy" if it must be reached directly',
      comment: ['"the host" is the registry host; "http.noProxy" is a setting'],
    });
    return { kind: 'network', reason: `${failed}; ${hint}`, code };
  }
  return proxyConnectionFailure(codes, host, proxy);
}

function proxyConnectionFailure(
  codes: string[],
  host: string,
  proxy: string,
): TransportFailure | undefined {
  const code = codes[0];
  const has = (candidate: string): boolean => codes.includes(candidate);
  if (has('ECONNREFUSED')) {
    const refused = l10n.t({
      message: 'connection refused by the proxy {0} (from "http.proxy" or HTTP(S)_PROXY)',
      args: [proxy],
      comment: ['{0} is the proxy URL; "http.proxy" is a setting'],
    });
    const question = l10n.t({
      message: 'is it running?',
      comment: ['asks whether the proxy that refused the connection is running'],
    });
    return { kind: 'connectionRefused', reason: `${refused}; ${question}`, code };
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME')) {
    const reason = l10n.t({
      message:
        'the host name of the proxy {0} (from "http.proxy" or HTTP(S)_PROXY) could not be resolved',
      args: [proxy],
      comment: ['{0} is the proxy URL; "http.proxy" is a setting'],
    });
    return { kind: 'dns', reason, code };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    const reason = l10n.t({
      message: 'connecting to the proxy {0} (from "http.proxy" or HTTP(S)_PROXY) timed out',
      args: [proxy],
      comment: ['{0} is the proxy URL; "http.proxy" is a setting'],
    });
    return { kind: 'timeout', reason, code };
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('UND_ERR_CLOSED')) {
    const reason = l10n.t({
      message: 'the proxy {0} (from "http.proxy" or HTTP(S)_PROXY) closed the connection to {1}',
      args: [proxy, host],
      comment: ['{0} is the proxy URL, {1} the registry host; "http.proxy" is a setting'],
    });
    return { kind: 'connectionReset', reason, code };
  }
  return undefined;
}
