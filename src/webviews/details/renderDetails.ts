import * as l10n from '@vscode/l10n';
import { findVersion, previousVersion, tagLabel } from '../../details/versions';
import { formatDateTime, formatRelativeTime } from '../../format';
import type { Template, TemplateVersion } from '../../registry/models';
import { html, type SafeHtml } from './html';
import { configSection } from './renderConfig';
import { sizeSections } from './renderSizes';
import { failedBox, loadingLine } from './renderStates';
import type { DetailsView } from './view';

/** The panel's body: header, tag switcher, dates, then the config and size sections. */
export function renderDetails(view: DetailsView): SafeHtml {
  const { template } = view;
  if (template.state === 'loading') {
    const loading = l10n.t('Loading {0}…', view.templateName);
    return html`${header(view, undefined)}${loadingLine(loading)}`;
  }
  if (template.state === 'failed') {
    return html`${header(view, undefined)}${failedBox(
      l10n.t('Could not load the template {0}.', view.templateName),
      template.message,
      'refresh',
    )}`;
  }
  const version = findVersion(template.value, view.selected);
  if (!version) {
    return html`${header(view, template.value)}
      <p class="muted" id="no-tags">${l10n.t('This template has no tags.')}</p>
      ${sizeSections(view, template.value)}`;
  }
  return html`${header(view, template.value)}
  ${tagBar(template.value, version)}
  ${overview(view, template.value, version)}
  ${configSection(view)}
  ${sizeSections(view, template.value)}`;
}

function header(view: DetailsView, template: Template | undefined): SafeHtml {
  const arch = template?.arch
    ? html`<span class="badge" title="${l10n.t('Architecture')}">${template.arch}</span>`
    : '';
  const tags = template?.versions.length;
  const count = tags === undefined
    ? ''
    : html`<span class="badge">${tags === 1 ? l10n.t('1 tag') : l10n.t('{0} tags', tags)}</span>`;
  return html`<header class="header">
  <div class="title-row">
    <h1 id="template-name">${template?.name ?? view.templateName}</h1>${arch}${count}
    <div class="toolbar end">
      <button type="button" id="refresh" data-action="refresh"
        title="${l10n.t('Read the template, its configs and the disk usage again')}">${
          l10n.t('Refresh')}</button>
    </div>
  </div>
  <p class="subtitle">${l10n.t('Registry')} <strong>${view.registry.name}</strong>
    · <span>${view.registry.url}</span> · ${l10n.t('ID')} <code>${view.templateId}</code></p>
</header>`;
}

function tagBar(template: Template, version: TemplateVersion): SafeHtml {
  const newest = Math.max(...template.versions.map((item) => item.number));
  const options = [...template.versions]
    .sort((a, b) => b.number - a.number)
    .map((item) => {
      const selected = item.number === version.number ? html` selected` : '';
      const text = item.number === newest
        ? l10n.t('#{0} {1} (newest)', item.number, tagLabel(item))
        : `#${item.number} ${tagLabel(item)}`;
      return html`<option value="${item.number}"${selected}>${text}</option>`;
    });
  const previous = previousVersion(template, version);
  const comparePrevious = previous
    ? html`<button type="button" id="compare-previous" data-action="compareWithPrevious"
        title="${l10n.t(
          'Diff the VM config of this tag against #{0} {1}', previous.number, tagLabel(previous),
        )}">
        ${l10n.t('Compare with Previous')}</button>`
    : '';
  const compareOther = template.versions.length > 1
    ? html`<button type="button" id="compare-with" data-action="compareWith">${
      l10n.t('Compare with…')}</button>`
    : '';
  return html`<div class="tag-bar">
  <label for="tag-select">${l10n.t('Tag')}</label>
  <select id="tag-select" data-action="selectVersion">${options}</select>
  <div class="toolbar">${comparePrevious}${compareOther}</div>
</div>`;
}

function overview(view: DetailsView, template: Template, version: TemplateVersion): SafeHtml {
  const date = (label: string, seconds: number | undefined): SafeHtml => {
    const when = seconds === undefined
      ? l10n.t('unknown')
      : html`${formatDateTime(seconds)}
      <span class="muted">(${formatRelativeTime(seconds, view.nowMillis)})</span>`;
    return html`<div class="fact">
    <dt>${label}</dt><dd>${when}</dd></div>`;
  };
  const description = version.description
    ? html`<p class="description" id="tag-description">${version.description}</p>`
    : '';
  const state = version.stateFile
    ? html`<p class="note" id="tag-state">${l10n.t(
      'This tag stores a suspended VM state: VMs started from it resume instead of booting.',
    )}</p>`
    : '';
  return html`<section class="section" id="overview" aria-label="${l10n.t('Tag dates')}">
  ${description}${state}
  <dl class="facts" id="tag-dates">
    ${date(l10n.t('Created'), version.creationDate)}
    ${date(l10n.t('Last push'), version.lastPush)}
    ${date(l10n.t('Last pull'), version.lastPull)}
    ${date(l10n.t('Template last push'), template.lastPush)}
    ${date(l10n.t('Template last pull'), template.lastPull)}
  </dl>
</section>`;
}
