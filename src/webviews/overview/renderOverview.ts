import * as l10n from '@vscode/l10n';
import { formatBytes, formatRelativeTime } from '../../format';
import {
  diskUsedPercent, type OverviewTemplate, type RegistryOverview, type StaleGroup,
} from '../../tree/registryOverview';
import { fill, html, type SafeHtml } from '../details/html';
import { failedBox } from '../details/renderStates';
import type { OverviewView } from './view';

/** The Registry Overview's body: disk, largest templates, stale templates, arches. */

const BAR_WIDTH = 1000;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 template", "10,000 templates". */
function templates(value: number): string {
  return value === 1 ? l10n.t('1 template') : l10n.t('{0} templates', count(value));
}

export function renderOverview(view: OverviewView): SafeHtml {
  const { overview } = view;
  const body = overview
    ? html`${gapsNote(view, overview)}${diskSection(overview)}${largestSection(view, overview)}
      ${overview.stale.map((group) => staleSection(view, group))}${archSection(overview)}`
    : view.progress || view.failure ? '' : notComputed();
  return html`${header(view)}${progressLine(view)}${failure(view)}${body}`;
}

function notComputed(): SafeHtml {
  return html`<div class="note" id="not-computed">
    <p>${l10n.t('The overview reads the details of every template, one request each.')}</p>
    <div class="toolbar"><button type="button" data-action="refresh">${
      l10n.t('Compute')}</button></div>
  </div>`;
}

function header(view: OverviewView): SafeHtml {
  const busy = view.progress !== undefined;
  const computed = view.overview ? computedWhen(view, view.overview) : '';
  const badge = l10n.t('Registry Overview');
  return html`<header class="header">
  <div class="title-row">
    <h1 id="registry-name">${view.registry.name}</h1><span class="badge">${badge}</span>
    <div class="toolbar end">
      <button type="button" id="refresh" data-action="refresh" ${busy ? 'disabled' : ''}
        title="${l10n.t('List the templates and read every template\'s details again')}">${
          l10n.t('Refresh')}</button>
      <button type="button" class="secondary" data-action="showLog">${
        l10n.t('Show Log')}</button>
    </div>
  </div>
  <p class="subtitle"><span>${view.registry.url}</span>${computed}</p>${done(view)}
</header>`;
}

/** " · computed 5 minutes ago from 3 templates", with the age in its own span. */
function computedWhen(view: OverviewView, overview: RegistryOverview): SafeHtml {
  const age = formatRelativeTime(overview.computedAt / 1000, view.nowMillis);
  const message = l10n.t({
    message: 'computed {0} from {1}',
    comment: '{0} is an age such as "5 minutes ago", {1} is "3 templates"',
  });
  const from = templates(overview.templates);
  return html` · ${fill(message, html`<span id="age">${age}</span>`, from)}`;
}

/** Said once the figures are in, through the page's live region (see media/overview.js). */
function done(view: OverviewView): SafeHtml | '' {
  return view.overview && !view.progress
    ? html`<span class="visually-hidden" data-announce>${
      l10n.t('Overview computed from {0}.', templates(view.overview.templates))}</span>`
    : '';
}

function progressLine(view: OverviewView): SafeHtml | '' {
  const progress = view.progress;
  if (!progress) {
    return '';
  }
  const text = progress.total === 0
    ? l10n.t('Listing templates…')
    : l10n.t('Reading template details: {0} of {1}', count(progress.done), count(progress.total));
  return html`<div class="loading" id="progress">
    <span class="spinner" aria-hidden="true"></span><span data-announce>${text}</span>
    <button type="button" class="secondary" data-action="cancel">${l10n.t('Cancel')}</button>
  </div>`;
}

function failure(view: OverviewView): SafeHtml | '' {
  return view.failure
    ? failedBox(l10n.t('Could not compute the overview.'), view.failure, 'refresh')
    : '';
}

function gapsNote(view: OverviewView, overview: RegistryOverview): SafeHtml | '' {
  const missing = overview.templates - overview.withDetails;
  if (missing <= 0 || view.progress) {
    return '';
  }
  const why = view.gaps?.cancelled
    ? l10n.t('the load was cancelled')
    : view.gaps?.failed
      ? l10n.t({
        message: '{0} could not be read ({1})',
        args: [count(view.gaps.failed), view.gaps.firstFailure ?? l10n.t('see the log')],
        comment: '{0} is how many templates, {1} the first failure',
      })
      : l10n.t('they are not loaded');
  const cover = l10n.t({
    message: 'Arch, tags and dates cover {0} of {1} templates: {2}.',
    args: [count(overview.withDetails), count(overview.templates), why],
    comment: '{2} says why the others are missing: "the load was cancelled"',
  });
  const sizes = l10n.t('Sizes come from the list and cover every template.');
  return html`<div class="note" id="gaps">
    <p>${cover} ${sizes}</p>
    <div class="toolbar"><button type="button" data-action="loadRest">${
      l10n.t('Load the Rest')}</button></div>
  </div>`;
}

function diskSection(overview: RegistryOverview): SafeHtml {
  const disk = overview.disk;
  const percent = diskUsedPercent(disk);
  const stored = html`<div class="fact"><dt>${l10n.t('Stored by templates')}</dt><dd>${
    storedText(overview)}</dd></div>`;
  const tagCount = overview.withDetails < overview.templates
    ? l10n.t('{0} (in the templates read)', count(overview.tags))
    : count(overview.tags);
  const tags = html`<div class="fact"><dt>${l10n.t('Tags')}</dt><dd>${tagCount}</dd></div>`;
  if (!disk || percent === undefined || disk.total === undefined || disk.free === undefined) {
    return html`<section class="section" id="disk" aria-labelledby="disk-title">
  <h2 id="disk-title">${l10n.t('Disk')}</h2>
  <p class="muted">${l10n.t('The registry did not report its disk usage.')}</p>
  <dl class="facts">${stored}${tags}</dl>
</section>`;
  }
  const used = disk.total - disk.free;
  const label = l10n.t('{0}% of the disk used', percent);
  return html`<section class="section" id="disk" aria-labelledby="disk-title">
  <h2 id="disk-title">${l10n.t('Disk')}</h2>
  <dl class="facts" id="disk-facts">
    <div class="fact"><dt>${l10n.t('Used')}</dt><dd>${formatBytes(used)} (${percent}%)</dd></div>
    <div class="fact"><dt>${l10n.t('Free')}</dt><dd>${formatBytes(disk.free)}</dd></div>
    <div class="fact"><dt>${l10n.t('Total')}</dt><dd>${formatBytes(disk.total)}</dd></div>
    ${stored}${tags}
  </dl>
  <div class="disk-bar">${bar(used / disk.total, label)}</div>
</section>`;
}

/** "1.2 TiB in 3 templates (1 without a size)". */
function storedText(overview: RegistryOverview): string {
  const stored = l10n.t({
    message: '{0} in {1}',
    args: [formatBytes(overview.storedBytes), templates(overview.templates)],
    comment: 'A size, then "3 templates"',
  });
  return overview.unknownSize > 0
    ? l10n.t('{0} ({1} without a size)', stored, count(overview.unknownSize))
    : stored;
}

function bar(fraction: number, label: string): SafeHtml {
  const width = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
  return html`<svg class="bar" viewBox="0 0 ${BAR_WIDTH} 10" preserveAspectRatio="none"
    role="img" aria-label="${label}">
    <rect class="bar-track" x="0" y="0" width="${BAR_WIDTH}" height="10"></rect>
    <rect class="bar-added" x="0" y="0" width="${width}" height="10"></rect></svg>`;
}

function largestSection(view: OverviewView, overview: RegistryOverview): SafeHtml {
  return html`<section class="section" id="largest" aria-labelledby="largest-title">
  <h2 id="largest-title">${l10n.t('Largest templates')}</h2>
  ${templateTable(view, overview.largest, 'largest')}
</section>`;
}

function staleSection(view: OverviewView, group: StaleGroup): SafeHtml {
  const id = `stale-${group.days}`;
  const summary = group.count === 0
    ? html`<p class="muted">${l10n.t(
      'Every template read was pulled or pushed in the last {0} days.', group.days,
    )}</p>`
    : html`<p id="${id}-summary">${fill(
      l10n.t({ message: '{0} hold {1}; the largest:', comment: '"3 templates hold 60.0 GiB"' }),
      html`<strong>${templates(group.count)}</strong>`,
      html`<strong>${formatBytes(group.bytes)}</strong>`,
    )}</p>
      ${templateTable(view, group.templates, id)}
      <div class="toolbar"><button type="button" data-action="filterStale" data-days="${
        group.days}">${l10n.t('Filter the Tree to These')}</button></div>`;
  return html`<section class="section" id="${id}" aria-labelledby="${id}-title">
  <h2 id="${id}-title">${l10n.t('Not pulled for {0} days', group.days)}</h2>
  ${summary}
</section>`;
}

function templateTable(
  view: OverviewView,
  rows: readonly OverviewTemplate[],
  id: string,
): SafeHtml {
  if (rows.length === 0) {
    return html`<p class="muted">${l10n.t('No templates.')}</p>`;
  }
  const body = rows.map((row) => html`<tr>
    <th scope="row">${row.name}</th>
    <td class="num">${formatBytes(row.size)}</td>
    <td>${row.arch ?? '—'}</td>
    <td class="num">${row.tags === undefined ? '—' : count(row.tags)}</td>
    <td>${row.lastUse === undefined ? '—' : formatRelativeTime(row.lastUse, view.nowMillis)}</td>
    <td><button type="button" class="secondary" data-action="showTemplate"
      data-id="${row.id}" title="${l10n.t('Open the details of {0}', row.name)}"
      aria-label="${l10n.t('Details of {0}', row.name)}">${
        l10n.t('Details')}</button></td>
  </tr>`);
  return html`<div class="scroll"><table class="grid" id="${id}-table"
  aria-labelledby="${id}-title">
  <thead><tr><th scope="col">${l10n.t('Template')}</th>
    <th scope="col" class="num">${l10n.t('Size')}</th>
    <th scope="col">${l10n.t('Arch')}</th><th scope="col" class="num">${l10n.t('Tags')}</th>
    <th scope="col">${l10n.t('Last pull or push')}</th>
    <th scope="col"><span class="muted">${l10n.t('Open')}</span></th>
  </tr></thead>
  <tbody>${body}</tbody>
</table></div>`;
}

function archSection(overview: RegistryOverview): SafeHtml {
  const rows = overview.byArch.map((entry) => html`<tr>
    <th scope="row">${entry.arch}</th>
    <td class="num">${count(entry.count)}</td>
    <td class="num">${formatBytes(entry.bytes)}</td>
  </tr>`);
  const table = rows.length === 0
    ? html`<p class="muted">${l10n.t('No template details were read.')}</p>`
    : html`<table class="grid" id="arch-table" aria-labelledby="arches-title">
  <thead><tr><th scope="col">${l10n.t('Arch')}</th>
    <th scope="col" class="num">${l10n.t('Templates')}</th>
    <th scope="col" class="num">${l10n.t('Size')}</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
  return html`<section class="section" id="arches" aria-labelledby="arches-title">
  <h2 id="arches-title">${l10n.t('Templates by arch')}</h2>
  ${table}
</section>`;
}
