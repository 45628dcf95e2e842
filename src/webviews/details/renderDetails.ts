import { findVersion, previousVersion, tagLabel } from '../../details/versions';
import { formatDateTime, formatRelativeTime, pluralize } from '../../format';
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
    return html`${header(view, undefined)}${loadingLine(`Loading ${view.templateName}…`)}`;
  }
  if (template.state === 'failed') {
    return html`${header(view, undefined)}${failedBox(
      `Could not load the template ${view.templateName}.`,
      template.message,
      'refresh',
    )}`;
  }
  const version = findVersion(template.value, view.selected);
  if (!version) {
    return html`${header(view, template.value)}
      <p class="muted" id="no-tags">This template has no tags.</p>
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
    ? html`<span class="badge" title="Architecture">${template.arch}</span>`
    : '';
  const count = template
    ? html`<span class="badge">${pluralize(template.versions.length, 'tag')}</span>`
    : '';
  return html`<header class="header">
  <div class="title-row">
    <h1 id="template-name">${template?.name ?? view.templateName}</h1>${arch}${count}
    <div class="toolbar end">
      <button type="button" id="refresh" data-action="refresh"
        title="Read the template, its configs and the disk usage again">Refresh</button>
    </div>
  </div>
  <p class="subtitle">Registry <strong>${view.registry.name}</strong>
    · <span>${view.registry.url}</span> · ID <code>${view.templateId}</code></p>
</header>`;
}

function tagBar(template: Template, version: TemplateVersion): SafeHtml {
  const newest = Math.max(...template.versions.map((item) => item.number));
  const options = [...template.versions]
    .sort((a, b) => b.number - a.number)
    .map((item) => {
      const selected = item.number === version.number ? html` selected` : '';
      const suffix = item.number === newest ? ' (newest)' : '';
      return html`<option value="${item.number}"${selected}>#${item.number} ${tagLabel(item)}${
        suffix}</option>`;
    });
  const previous = previousVersion(template, version);
  const comparePrevious = previous
    ? html`<button type="button" id="compare-previous" data-action="compareWithPrevious"
        title="Diff the VM config of this tag against #${previous.number} ${tagLabel(previous)}">
        Compare with Previous</button>`
    : '';
  const compareOther = template.versions.length > 1
    ? html`<button type="button" id="compare-with" data-action="compareWith">Compare with…</button>`
    : '';
  return html`<div class="tag-bar">
  <label for="tag-select">Tag</label>
  <select id="tag-select" data-action="selectVersion">${options}</select>
  <div class="toolbar">${comparePrevious}${compareOther}</div>
</div>`;
}

function overview(view: DetailsView, template: Template, version: TemplateVersion): SafeHtml {
  const date = (label: string, seconds: number | undefined): SafeHtml => html`<div class="fact">
    <dt>${label}</dt><dd>${seconds === undefined ? 'unknown' : html`${formatDateTime(seconds)}
      <span class="muted">(${formatRelativeTime(seconds, view.nowMillis)})</span>`}</dd></div>`;
  const description = version.description
    ? html`<p class="description" id="tag-description">${version.description}</p>`
    : '';
  const state = version.stateFile
    ? html`<p class="note" id="tag-state">This tag stores a suspended VM state: VMs started from it
      resume instead of booting.</p>`
    : '';
  return html`<section class="section" id="overview" aria-label="Tag dates">
  ${description}${state}
  <dl class="facts" id="tag-dates">
    ${date('Created', version.creationDate)}
    ${date('Last push', version.lastPush)}
    ${date('Last pull', version.lastPull)}
    ${date('Template last push', template.lastPush)}
    ${date('Template last pull', template.lastPull)}
  </dl>
</section>`;
}
