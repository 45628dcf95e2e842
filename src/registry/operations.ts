import * as l10n from '@vscode/l10n';
import type { Arch, VersionSelector } from './models';

/**
 * What each call of the client does, in words that complete an error's "Could not … on registry
 * X": translated when the call is made.
 */
export const operations = {
  readStatus: (): string => l10n.t({
    message: 'read the registry status',
    comment: ['Completes "Could not …"'],
  }),
  listTemplates: (): string => l10n.t({
    message: 'list templates',
    comment: ['Completes "Could not …"'],
  }),
  listTemplatesV1: (): string => l10n.t({
    message: 'list templates (v1)',
    comment: ['Completes "Could not …"'],
  }),
  readTemplate: (id: string): string => l10n.t({
    message: 'read template {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  readTemplateV1: (id: string): string => l10n.t({
    message: 'read template {0} (v1)',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  readConfig: readConfigOperation,
  deleteTemplate: (id: string): string => l10n.t({
    message: 'delete template {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  revert: revertOperation,
  setArch: (id: string, arch: Arch): string => l10n.t({
    message: 'set the arch of template {0} to {1}',
    args: [id, arch],
    comment: ['Completes "Could not …"', ' {0} is an id, {1} arm64 or amd64'],
  }),
  readDisk: (): string => l10n.t({
    message: 'read disk usage',
    comment: ['Completes "Could not …"'],
  }),
  listApiKeys: (): string => l10n.t({
    message: 'list API keys',
    comment: ['Completes "Could not …"'],
  }),
  readApiKey: (id: string): string => l10n.t({
    message: 'read API key {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  createApiKey: (id: string): string => l10n.t({
    message: 'create API key {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  updateApiKey: (id: string): string => l10n.t({
    message: 'update API key {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
  deleteApiKey: (id: string): string => l10n.t({
    message: 'delete API key {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  }),
};

function readConfigOperation(id: string, version: VersionSelector): string {
  if (version && 'tag' in version) {
    return l10n.t({
      message: 'read the VM config of template {0} at tag "{1}"',
      args: [id, version.tag],
      comment: ['Completes "Could not …"', ' {0} is an id, {1} a tag'],
    });
  }
  if (version && 'version' in version) {
    return l10n.t({
      message: 'read the VM config of template {0} at version {1}',
      args: [id, version.version],
      comment: ['Completes "Could not …"', ' {0} is an id, {1} a number'],
    });
  }
  return l10n.t({
    message: 'read the VM config of template {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  });
}

function revertOperation(id: string, version: VersionSelector): string {
  if (version && 'tag' in version) {
    return l10n.t({
      message: 'revert template {0} at tag "{1}"',
      args: [id, version.tag],
      comment: ['Completes "Could not …"', ' {0} is an id, {1} a tag'],
    });
  }
  if (version && 'version' in version) {
    return l10n.t({
      message: 'revert template {0} at version {1}',
      args: [id, version.version],
      comment: ['Completes "Could not …"', ' {0} is an id, {1} a number'],
    });
  }
  return l10n.t({
    message: 'revert template {0}',
    args: [id],
    comment: ['Completes "Could not …"', ' {0} is an id'],
  });
}
