import * as l10n from '@vscode/l10n';
import type { RegistryFix } from './errors';
import { codesOf, messageOf, type FailureContext, type TransportFailure } from './failureCause';
import { classifyProxy } from './proxyFailures';
import { classifyTls } from './tlsFailures';

export type { FailureContext, TransportFailure } from './failureCause';

/** Template permissions a registry names when it refuses one (HTTP 403). */
const PERMISSIONS = ['list', 'get_config', 'pull', 'push_tag', 'delete_revert', 'set_arch'];

/** Turns whatever undici or Node threw into a kind and a reason. */
export function classifyTransportError(
  error: unknown,
  host: string,
  context: FailureContext | string = {},
): TransportFailure {
  const where = typeof context === 'string' ? { proxy: context } : context;
  const codes = codesOf(error);
  const code = codes[0];
  const tls = classifyTls(error, codes, host, where);
  if (tls) {
    return tls;
  }
  if (where.proxy) {
    const viaProxy = classifyProxy(error, codes, host, where.proxy);
    if (viaProxy) {
      return viaProxy;
    }
  }
  const has = (candidate: string): boolean => codes.includes(candidate);
  if (has('ECONNREFUSED')) {
    const reason = l10n.t('connection refused by {0}; is the registry running?', host);
    return { kind: 'connectionRefused', reason, code };
  }
  if (has('ENOTFOUND') || has('EAI_AGAIN') || has('EAI_NONAME')) {
    return { kind: 'dns', reason: l10n.t('the host name {0} could not be resolved', host), code };
  }
  if (has('UND_ERR_CONNECT_TIMEOUT') || has('ETIMEDOUT')) {
    return { kind: 'timeout', reason: l10n.t('connecting to {0} timed out', host), code };
  }
  if (has('UND_ERR_HEADERS_TIMEOUT') || has('UND_ERR_BODY_TIMEOUT')) {
    return { kind: 'timeout', reason: l10n.t('{0} stopped answering', host), code };
  }
  if (has('ECONNRESET') || has('UND_ERR_SOCKET') || has('EPIPE') || has('UND_ERR_CLOSED')) {
    return { kind: 'connectionReset', ...closedReason(host, where), code };
  }
  if (has('EHOSTUNREACH') || has('ENETUNREACH')) {
    const reason = l10n.t('{0} cannot be reached from this machine', host);
    return { kind: 'network', reason, code };
  }
  const reason = l10n.t({
    message: 'request to {0} failed: {1}',
    args: [host, messageOf(error)],
    comment: ['{1} is the error message of the network library, in English'],
  });
  return { kind: 'network', reason, code };
}

/** A closed connection on https right after the handshake is how servers refuse certificates. */
function closedReason(
  host: string,
  where: FailureContext,
): Pick<TransportFailure, 'reason' | 'fixes'> {
  const closed = l10n.t({
    message: '{0} closed the connection without an answer',
    args: [host],
    comment: ['{0} is the registry host'],
  });
  if (!where.https) {
    return { reason: closed, fixes: [] };
  }
  const fixes: RegistryFix[] = ['clientCertificate'];
  if (where.clientCertificate) {
    const refused = l10n.t({
      message: 'if it checks client certificates, it refused {0} ({1})',
      args: [where.clientCertificate, pairCheck()],
      comment: ['"it" is the registry; {0} is a file, {1} says which settings to check'],
    });
    return { reason: `${closed}; ${refused}`, fixes };
  }
  const choose = l10n.t({
    message: 'if it requires a client certificate, choose one with "{0}"',
    args: [l10n.t('Sign In Again')],
    comment: ['"it" is the registry; {0} is the command "Sign In Again"'],
  });
  return { reason: `${closed}; ${choose}`, fixes };
}

/** What to check when the registry may have refused the client certificate. */
function pairCheck(): string {
  return l10n.t({
    message: 'check that "certFile" and "keyFile" are a pair issued by a CA the registry trusts',
    comment: ['"certFile" and "keyFile" are settings'],
  });
}

/** What a 403 means: the missing permission when the registry names it. */
export function explainForbidden(said: string | undefined): string {
  const text = said ?? '';
  const named = PERMISSIONS.filter((permission) => permission.includes('_'))
    .find((permission) => new RegExp(`\\b${permission}\\b`, 'i').test(text))
    ?? (/permission|not allowed|denied/i.test(text)
      ? PERMISSIONS.find((permission) => new RegExp(`\\b${permission}\\b`, 'i').test(text))
      : undefined);
  if (named) {
    const lacking = l10n.t({
      message: 'the credentials in use lack the "{0}" permission',
      args: [named],
      comment: ['{0} is a permission name of the registry, such as push_tag'],
    });
    const ask = l10n.t({
      message: 'ask the registry\'s administrator to add it to one of your groups',
      comment: ['"it" is the permission the credentials lack'],
    });
    return `${lacking}; ${ask}`;
  }
  const refused = l10n.t('the credentials in use are not allowed to do this');
  const ask = l10n.t('ask the registry\'s administrator which group grants it');
  return `${refused}; ${ask}`;
}
