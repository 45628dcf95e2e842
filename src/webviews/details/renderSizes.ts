import { formatBytes, pluralize } from '../../format';
import {
  diskShare, formatChange, formatPercent, templateSizes, type TagSizes, type TemplateSizes,
} from '../../details/sizes';
import { tagLabel } from '../../details/versions';
import type { DiskUsage, Template } from '../../registry/models';
import { classes, html, type SafeHtml } from './html';
import { layersSection } from './renderLayers';
import { failedBox, loadingLine } from './renderStates';
import type { DetailsView } from './view';

/** The Sizes, Layers and Registry disk sections. */

const BAR_WIDTH = 1000;

export function sizeSections(view: DetailsView, template: Template): SafeHtml {
  const sizes = templateSizes(template);
  return html`${sizesSection(sizes, view.selected)}
  ${layersSection(sizes, view.selected)}
  ${diskSection(view, sizes.storedTotal)}`;
}

function sizesSection(sizes: TemplateSizes, selected: number | undefined): SafeHtml {
  const largest = Math.max(1, ...sizes.tags.map((tag) => tag.size ?? 0));
  const rows = [...sizes.tags].reverse().map((tag) => tagRow(tag, largest, selected));
  return html`<section class="section" id="sizes" aria-labelledby="sizes-title">
  <h2 id="sizes-title">Sizes</h2>
  ${totals(sizes)}
  <table class="grid sizes" id="tag-sizes">
    <caption>Per tag, newest first. The bar shows the tag's size; the highlighted part is
      what it adds over the tag before it.</caption>
    <thead><tr>
      <th scope="col">Tag</th><th scope="col" class="num">Size</th>
      <th scope="col" class="bar-cell"><span class="visually-hidden">Chart</span></th>
      <th scope="col" class="num">Adds</th><th scope="col">New files</th>
    </tr></thead>
    <tbody>${rows}</tbody>
  </table>
</section>`;
}

function totals(sizes: TemplateSizes): SafeHtml {
  const { sharingSaves, sumOfTagSizes } = sizes;
  const saved =
    sharingSaves !== undefined && sumOfTagSizes
      ? `${formatBytes(sharingSaves)} (${formatPercent(sharingSaves / sumOfTagSizes)})`
      : 'unknown';
  const sum =
    sizes.sumOfTagSizes !== undefined
      ? formatBytes(sizes.sumOfTagSizes)
      : `unknown (${pluralize(sizes.missingSizes, 'tag')} without a size)`;
  return html`<dl class="facts totals" id="size-totals">
    <div class="fact"><dt>Stored on the registry</dt>
      <dd>${formatBytes(sizes.storedTotal)}</dd></div>
    <div class="fact"><dt>Tag sizes added up</dt><dd>${sum}</dd></div>
    <div class="fact"><dt>Saved by sharing layers</dt><dd>${saved}</dd></div>
  </dl>`;
}

function tagRow(tag: TagSizes, largest: number, selected: number | undefined): SafeHtml {
  const added = tag.addedBytes ?? (tag.change !== undefined && tag.change > 0 ? tag.change : 0);
  const whole = ((tag.size ?? 0) / largest) * BAR_WIDTH;
  const fresh = Math.min(whole, (added / largest) * BAR_WIDTH);
  const adds = tag.addedBytes !== undefined
    ? `+${formatBytes(tag.addedBytes)}`
    : formatChange(tag.change, formatBytes);
  const addsTitle = tag.addedBytes === undefined ? 'Size change from the tag before' : '';
  const rowClass = classes(tag.number === selected && 'selected');
  return html`<tr class="${rowClass}" data-version="${tag.number}">
    <th scope="row"><span class="version">#${tag.number}</span> ${tagLabel(tag)}</th>
    <td class="num">${formatBytes(tag.size)}</td>
    <td class="bar-cell">${bar([
      { className: 'bar-shared', width: whole - fresh },
      { className: 'bar-added', width: fresh },
    ])}</td>
    <td class="num" title="${addsTitle}">${adds}</td>
    <td>${newFiles(tag)}</td>
  </tr>`;
}

function newFiles(tag: TagSizes): SafeHtml {
  const parts: string[] = [];
  if (tag.newLayers.length > 0) {
    parts.push(pluralize(tag.newLayers.length, 'layer'));
  }
  if (tag.newStateFiles.length > 0) {
    parts.push(pluralize(tag.newStateFiles.length, 'state file'));
  }
  const dropped = tag.droppedFiles.length > 0 ? html`<span class="muted"> (no longer uses ${
    pluralize(tag.droppedFiles.length, 'file')
  })</span>` : '';
  return html`${parts.length > 0 ? parts.join(', ') : 'none'}${dropped}`;
}

export interface Segment {
  className: string;
  width: number;
}

/** A horizontal bar in SVG: attributes, not inline styles, so the CSP needs no exception. */
export function bar(segments: Segment[], label?: string): SafeHtml {
  let x = 0;
  const rects = segments
    .filter((segment) => segment.width > 0)
    .map((segment) => {
      const rect = html`<rect class="${segment.className}" x="${round(x)}" y="0"
        width="${round(segment.width)}" height="10"></rect>`;
      x += segment.width;
      return rect;
    });
  const a11y = label ? html`role="img" aria-label="${label}"` : html`aria-hidden="true"`;
  return html`<svg class="bar" viewBox="0 0 ${BAR_WIDTH} 10" preserveAspectRatio="none" ${a11y}>
    <rect class="bar-track" x="0" y="0" width="${BAR_WIDTH}" height="10"></rect>${rects}</svg>`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function diskSection(view: DetailsView, templateBytes: number | undefined): SafeHtml {
  return html`<section class="section" id="disk" aria-labelledby="disk-title">
  <h2 id="disk-title">Registry disk</h2>
  ${diskBody(view, templateBytes)}
</section>`;
}

function diskBody(view: DetailsView, templateBytes: number | undefined): SafeHtml {
  if (view.disk.state === 'loading') {
    return loadingLine('Reading disk usage…');
  }
  if (view.disk.state === 'failed') {
    return failedBox('Could not read the registry\'s disk usage.', view.disk.message, 'refresh');
  }
  return diskFigures(view.disk.value, templateBytes, view.templateName);
}

function diskFigures(disk: DiskUsage, templateBytes: number | undefined, name: string): SafeHtml {
  const share = diskShare(disk, templateBytes);
  if (!share) {
    return html`<p class="muted">The registry did not report its disk size.</p>`;
  }
  const label = `${name}: ${formatPercent(share.templateFraction)}, other templates and files: ` +
    `${formatPercent(share.otherFraction)}, free: ${formatPercent(share.freeFraction)}`;
  const chart = bar([
    { className: 'bar-added', width: share.templateFraction * BAR_WIDTH },
    { className: 'bar-shared', width: share.otherFraction * BAR_WIDTH },
  ], label);
  return html`<div class="disk-bar">${chart}</div>
  <ul class="legend" id="disk-legend">
    <li><span class="swatch swatch-added" aria-hidden="true"></span>This template: ${
      formatBytes(share.template)} (${formatPercent(share.templateFraction)} of the disk, ${
      formatPercent(share.used > 0 ? share.template / share.used : 0)} of what is used)</li>
    <li><span class="swatch swatch-shared" aria-hidden="true"></span>Everything else: ${
      formatBytes(share.other)}</li>
    <li><span class="swatch swatch-free" aria-hidden="true"></span>Free: ${
      formatBytes(share.free)} of ${formatBytes(share.total)}</li>
  </ul>`;
}
