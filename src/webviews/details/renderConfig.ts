import * as l10n from '@vscode/l10n';
import { summarizeConfig, type ConfigSummary } from '../../details/configSummary';
import { hasSecrets, renderConfigYaml } from '../../details/configYaml';
import { tokenizeYaml } from '../../details/yamlTokens';
import type { VmConfig } from '../../registry/models';
import { html, join, type SafeHtml } from './html';
import { failedBox, loadingLine } from './renderStates';
import type { DetailsView } from './view';

/** The Configuration section: summary, port forwarding, and the config as highlighted YAML. */

export function configSection(view: DetailsView): SafeHtml {
  return html`<section class="section" id="config" aria-labelledby="config-title">
  <h2 id="config-title">${l10n.t('Configuration')}</h2>
  ${configBody(view)}
</section>`;
}

function configBody(view: DetailsView): SafeHtml {
  const { config } = view;
  if (config.state === 'loading') {
    return loadingLine(l10n.t('Reading the VM config…'));
  }
  if (config.state === 'failed') {
    const title = l10n.t('Could not read the VM config of this tag.');
    return failedBox(title, config.message, 'refresh');
  }
  const summary = summarizeConfig(config.value, view.revealSecrets);
  return html`${summaryList(summary)}
  ${portRulesTable(summary)}
  ${yamlBlock(config.value, view.revealSecrets)}`;
}

function summaryList(summary: ConfigSummary): SafeHtml {
  const rows = summary.rows.map(
    (row) => html`<div class="fact"><dt>${row.label}</dt><dd>${row.value}</dd></div>`,
  );
  return html`<dl class="facts" id="config-summary">${rows}</dl>`;
}

function portRulesTable(summary: ConfigSummary): SafeHtml {
  if (summary.portRules.length === 0) {
    return html`<p class="muted" id="port-rules">${l10n.t('No port forwarding rules.')}</p>`;
  }
  const rows = summary.portRules.map(
    (rule) => html`<tr>
      <td>${rule.name}</td><td>${rule.protocol}</td><td class="num">${rule.guestPort}</td>
      <td class="num">${rule.hostPort}</td><td>${rule.hostIp}</td>
    </tr>`,
  );
  return html`<table class="grid" id="port-rules">
    <caption>${l10n.t('Port forwarding')}</caption>
    <thead><tr>
      <th scope="col">${l10n.t('Rule')}</th><th scope="col">${l10n.t('Protocol')}</th>
      <th scope="col" class="num">${l10n.t('Guest port')}</th>
      <th scope="col" class="num">${l10n.t('Host port')}</th>
      <th scope="col">${l10n.t('Host IP')}</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
}

function yamlBlock(config: VmConfig, revealSecrets: boolean): SafeHtml {
  const yaml = renderConfigYaml(config.raw, { revealSecrets });
  const secrets = hasSecrets(config.raw);
  const toggle = secrets
    ? html`<button type="button" id="toggle-secrets" data-action="toggleSecrets"
        aria-pressed="${revealSecrets ? 'true' : 'false'}">${
          revealSecrets ? l10n.t('Hide Password') : l10n.t('Reveal Password')
        }</button>`
    : '';
  return html`<div class="yaml-header">
    <h3>${l10n.t('VM config (YAML)')}</h3>
    <div class="toolbar">
      ${toggle}
      <button type="button" id="copy-config" data-action="copyConfig"
        title="${l10n.t('Copy the YAML as shown')}">${l10n.t('Copy')}</button>
      <button type="button" id="open-config" data-action="openConfig"
        title="${l10n.t('Open the YAML in an editor, for search and folding')}">${
          l10n.t('Open as Document')}</button>
    </div>
  </div>
  <pre class="yaml" id="config-yaml" tabindex="0"
    aria-label="${l10n.t('VM config as YAML')}"><code>${
    highlightYaml(yaml)
  }</code></pre>`;
}

/** YAML as spans with a class per token kind; the text itself stays exactly the YAML. */
export function highlightYaml(yaml: string): SafeHtml {
  const lines = tokenizeYaml(yaml.replace(/\n$/, '')).map((tokens) =>
    join(tokens.map((token) =>
      token.kind === 'text' ? token.text : html`<span class="y-${token.kind}">${token.text}</span>`,
    )),
  );
  return join(lines, '\n');
}
