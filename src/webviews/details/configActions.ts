import * as vscode from 'vscode';
import { addressOf } from '../../details/configStore';
import { renderConfigYaml } from '../../details/configYaml';
import { previousVersion, tagLabel } from '../../details/versions';
import type { Template, TemplateVersion, VmConfig } from '../../registry/models';
import type { RegistryEntry } from '../../tree/nodes';
import type { ConfigDocuments } from '../../views/configDocument';
import { pickOtherVersion } from '../../views/versionPicker';
import type { Load } from './view';

/** What the panel's config buttons do: copy, open as a document, and compare. */

export type ConfigAction = 'copyConfig' | 'openConfig' | 'compareWithPrevious' | 'compareWith';

export interface ConfigActionContext {
  registry: RegistryEntry;
  template: Template;
  version: TemplateVersion;
  revealSecrets: boolean;
  config: Load<VmConfig>;
  documents: ConfigDocuments;
  /** Shows a short message inside the panel. */
  notice(text: string): void;
}

export async function runConfigAction(
  action: ConfigAction,
  context: ConfigActionContext,
): Promise<void> {
  const { registry, template, version, revealSecrets, documents } = context;
  if (action === 'copyConfig') {
    await copyConfig(context);
    return;
  }
  if (action === 'openConfig') {
    const address = addressOf(registry, template, version, revealSecrets);
    await documents.open(address, vscode.ViewColumn.Beside);
    return;
  }
  const other = action === 'compareWithPrevious'
    ? previousVersion(template, version)
    : await pickOtherVersion(
      template, version, vscode.l10n.t('Compare {0} with…', tagLabel(version)),
    );
  if (other) {
    await documents.diff(
      addressOf(registry, template, other),
      addressOf(registry, template, version),
      vscode.ViewColumn.Beside,
    );
  }
}

async function copyConfig(context: ConfigActionContext): Promise<void> {
  const { config, revealSecrets, version } = context;
  if (config.state !== 'ready') {
    context.notice(vscode.l10n.t('The VM config has not been read yet.'));
    return;
  }
  await vscode.env.clipboard.writeText(renderConfigYaml(config.value.raw, { revealSecrets }));
  const tag = tagLabel(version);
  context.notice(revealSecrets
    ? vscode.l10n.t('Copied the VM config of {0}.', tag)
    : vscode.l10n.t('Copied the VM config of {0} (password masked).', tag));
}
