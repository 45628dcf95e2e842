import { formatBytes, formatRelativeTime } from '../../format';
import {
  diskUsedPercent, type OverviewTemplate, type RegistryOverview, type StaleGroup,
} from '../../tree/registryOverview';
import { html, type SafeHtml } from '../details/html';
import { failedBox } from '../details/renderStates';
import type { OverviewView } from './view';

/** The Registry Overview's body: disk, largest templates, stale templates, arches. */

const BAR_WIDTH = 1000;

function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 template", "10,000 templates". */
function templates(value: number): string {
  return `${count(value)} ${value === 1 ? 'template' : 'templates'}`;
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
    <p>The overview reads the details of every template, one request each.</p>
    <div class="toolbar"><button type="button" data-action="refresh">Compute</button></div>
  </div>`;
}

function header(view: OverviewView): SafeHtml {
  const busy = view.progress !== undefined;
  const computed = view.overview
    ? html` · computed <span id="age">${formatRelativeTime(
      view.overview.computedAt / 1000, view.nowMillis)}</span> from ${templates(
      view.overview.templates)}`
    : '';
  return html`<header class="header">
  <div class="title-row">
    <h1 id="registry-name">${view.registry.name}</h1><span class="badge">Registry Overview</span>
    <div class="toolbar end">
      <button type="button" id="refresh" data-action="refresh" ${busy ? 'disabled' : ''}
        title="List the templates and read every template's details again">Refresh</button>
      <button type="button" class="secondary" data-action="showLog">Show Log</button>
    </div>
  </div>
  <p class="subtitle"><span>${view.registry.url}</span>${computed}</p>
</header>`;
}

function progressLine(view: OverviewView): SafeHtml | '' {
  const progress = view.progress;
  if (!progress) {
    return '';
  }
  const text = progress.total === 0
    ? 'Listing templates…'
    : `Reading template details: ${count(progress.done)} of ${count(progress.total)}`;
  return html`<div class="loading" id="progress" role="status" aria-live="polite">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
    <button type="button" class="secondary" data-action="cancel">Cancel</button>
  </div>`;
}

function failure(view: OverviewView): SafeHtml | '' {
  return view.failure
    ? failedBox('Could not compute the overview.', view.failure, 'refresh')
    : '';
}

function gapsNote(view: OverviewView, overview: RegistryOverview): SafeHtml | '' {
  const missing = overview.templates - overview.withDetails;
  if (missing <= 0 || view.progress) {
    return '';
  }
  const why = view.gaps?.cancelled
    ? 'the load was cancelled'
    : view.gaps?.failed
      ? `${count(view.gaps.failed)} could not be read (${view.gaps.firstFailure ?? 'see the log'})`
      : 'they are not loaded';
  return html`<div class="note" id="gaps">
    <p>Arch, tags and dates cover ${count(overview.withDetails)} of ${count(overview.templates)}
      templates: ${why}. Sizes come from the list and cover every template.</p>
    <div class="toolbar"><button type="button" data-action="loadRest">Load the Rest</button></div>
  </div>`;
}

function diskSection(overview: RegistryOverview): SafeHtml {
  const disk = overview.disk;
  const percent = diskUsedPercent(disk);
  const stored = html`<div class="fact"><dt>Stored by templates</dt><dd>${formatBytes(
    overview.storedBytes)} in ${templates(overview.templates)}${
    overview.unknownSize > 0 ? ` (${count(overview.unknownSize)} without a size)` : ''}</dd></div>`;
  const tags = html`<div class="fact"><dt>Tags</dt><dd>${count(overview.tags)}${
    overview.withDetails < overview.templates ? ' (in the templates read)' : ''}</dd></div>`;
  if (!disk || percent === undefined || disk.total === undefined || disk.free === undefined) {
    return html`<section class="section" id="disk" aria-labelledby="disk-title">
  <h2 id="disk-title">Disk</h2>
  <p class="muted">The registry did not report its disk usage.</p>
  <dl class="facts">${stored}${tags}</dl>
</section>`;
  }
  const used = disk.total - disk.free;
  const label = `${percent}% of the disk used`;
  return html`<section class="section" id="disk" aria-labelledby="disk-title">
  <h2 id="disk-title">Disk</h2>
  <dl class="facts" id="disk-facts">
    <div class="fact"><dt>Used</dt><dd>${formatBytes(used)} (${percent}%)</dd></div>
    <div class="fact"><dt>Free</dt><dd>${formatBytes(disk.free)}</dd></div>
    <div class="fact"><dt>Total</dt><dd>${formatBytes(disk.total)}</dd></div>
    ${stored}${tags}
  </dl>
  <div class="disk-bar">${bar(used / disk.total, label)}</div>
</section>`;
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
  <h2 id="largest-title">Largest templates</h2>
  ${templateTable(view, overview.largest, 'largest')}
</section>`;
}

function staleSection(view: OverviewView, group: StaleGroup): SafeHtml {
  const id = `stale-${group.days}`;
  const summary = group.count === 0
    ? html`<p class="muted">Every template read was pulled or pushed in the last ${group.days}
      days.</p>`
    : html`<p id="${id}-summary"><strong>${templates(group.count)}</strong> hold
      <strong>${formatBytes(group.bytes)}</strong>; the largest:</p>
      ${templateTable(view, group.templates, id)}
      <div class="toolbar"><button type="button" data-action="filterStale" data-days="${
        group.days}">Filter the Tree to These</button></div>`;
  return html`<section class="section" id="${id}" aria-labelledby="${id}-title">
  <h2 id="${id}-title">Not pulled for ${group.days} days</h2>
  ${summary}
</section>`;
}

function templateTable(
  view: OverviewView,
  rows: readonly OverviewTemplate[],
  id: string,
): SafeHtml {
  if (rows.length === 0) {
    return html`<p class="muted">No templates.</p>`;
  }
  const body = rows.map((row) => html`<tr>
    <th scope="row">${row.name}</th>
    <td class="num">${formatBytes(row.size)}</td>
    <td>${row.arch ?? '—'}</td>
    <td class="num">${row.tags === undefined ? '—' : count(row.tags)}</td>
    <td>${row.lastUse === undefined ? '—' : formatRelativeTime(row.lastUse, view.nowMillis)}</td>
    <td><button type="button" class="secondary" data-action="showTemplate"
      data-id="${row.id}" title="Open the details of ${row.name}">Details</button></td>
  </tr>`);
  return html`<div class="scroll"><table class="grid" id="${id}-table">
  <thead><tr><th scope="col">Template</th><th scope="col" class="num">Size</th>
    <th scope="col">Arch</th><th scope="col" class="num">Tags</th>
    <th scope="col">Last pull or push</th><th scope="col"><span class="muted">Open</span></th>
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
    ? html`<p class="muted">No template details were read.</p>`
    : html`<table class="grid" id="arch-table">
  <thead><tr><th scope="col">Arch</th><th scope="col" class="num">Templates</th>
    <th scope="col" class="num">Size</th></tr></thead>
  <tbody>${rows}</tbody>
</table>`;
  return html`<section class="section" id="arches" aria-labelledby="arches-title">
  <h2 id="arches-title">Templates by arch</h2>
  ${table}
</section>`;
}
