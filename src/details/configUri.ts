import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';

/**
 * Addresses of read-only VM config documents: `anka-config:/<registry>/<template>/<tag>.yaml`
 * with everything needed to fetch the config again in the query (after a window reload too).
 */

export const CONFIG_SCHEME = 'anka-config';

export interface ConfigAddress {
  registryName: string;
  registryUrl: string;
  templateId: string;
  templateName: string;
  version: number;
  /** May be empty: some versions have no tag. */
  tag: string;
  /** Ask by version number: the tag is empty or names several versions. */
  byVersion: boolean;
  /** Shows secrets instead of the mask; only set when the user asked to reveal them. */
  revealSecrets: boolean;
}

export function configUri(address: ConfigAddress): URI {
  const tagPart = address.tag === ''
    ? l10n.t({
      message: 'version {0}',
      args: [address.version],
      comment: ['A file name for the VM config of a version without a tag'],
    })
    : address.tag;
  const folders = `/${segment(address.registryName)}/${segment(address.templateName)}`;
  const path = `${folders}/${segment(tagPart)}.yaml`;
  const query = new URLSearchParams({
    registry: address.registryName,
    url: address.registryUrl,
    template: address.templateId,
    name: address.templateName,
    version: String(address.version),
    tag: address.tag,
  });
  if (address.byVersion) {
    query.set('by', 'version');
  }
  if (address.revealSecrets) {
    query.set('reveal', '1');
  }
  return URI.from({ scheme: CONFIG_SCHEME, path, query: query.toString() });
}

/** Reads an address back; undefined for a URI of another scheme or with missing parts. */
export function parseConfigUri(uri: { scheme: string; query: string }): ConfigAddress | undefined {
  if (uri.scheme !== CONFIG_SCHEME) {
    return undefined;
  }
  const query = new URLSearchParams(uri.query);
  const registryName = query.get('registry');
  const registryUrl = query.get('url');
  const templateId = query.get('template');
  const versionText = query.get('version') ?? '';
  const version = /^\d+$/.test(versionText) ? Number(versionText) : Number.NaN;
  if (!registryName || !registryUrl || !templateId || !Number.isSafeInteger(version)) {
    return undefined;
  }
  return {
    registryName,
    registryUrl,
    templateId,
    templateName: query.get('name') || templateId,
    version,
    tag: query.get('tag') ?? '',
    byVersion: query.get('by') === 'version',
    revealSecrets: query.get('reveal') === '1',
  };
}

/** A path segment that cannot split the path: slashes and control characters are replaced. */
function segment(text: string): string {
  const cleaned = text.replace(/[/\\\u0000-\u001f\u007f]/g, '_').trim();
  return cleaned === '' || cleaned === '.' || cleaned === '..' ? '_' : cleaned;
}
