import * as l10n from '@vscode/l10n';
import { formatBytes } from '../../format';
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
  <h2 id="sizes-title">${l10n.t('Sizes')}</h2>
  ${totals(sizes)}
  <table class="grid sizes" id="tag-sizes">
    <caption>${l10n.t('Per tag, newest first.')} ${l10n.t(
      'The bar shows the tag\'s size; the highlighted part is what it adds over the tag before it.',
    )}</caption>
    <thead><tr>
      <th scope="col">${l10n.t('Tag')}</th><th scope="col" class="num">${l10n.t('Size')}</th>
      <th scope="col" class="bar-cell"><span class="visually-hidden">${l10n.t('Chart')}</span></th>
      <th scope="col" class="num">${l10n.t('Adds')}</th><th scope="col">${l10n.t('New files')}</th>
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
      : l10n.t('unknown');
  let sum = formatBytes(sizes.sumOfTagSizes);
  if (sizes.sumOfTagSizes === undefined) {
    sum = sizes.missingSizes === 1
      ? l10n.t('unknown (1 tag without a size)')
      : l10n.t('unknown ({0} tags without a size)', sizes.missingSizes);
  }
  return html`<dl class="facts totals" id="size-totals">
    <div class="fact"><dt>${l10n.t('Stored on the registry')}</dt>
      <dd>${formatBytes(sizes.storedTotal)}</dd></div>
    <div class="fact"><dt>${l10n.t('Tag sizes added up')}</dt><dd>${sum}</dd></div>
    <div class="fact"><dt>${l10n.t('Saved by sharing layers')}</dt><dd>${saved}</dd></div>
  </dl>`;
}

function tagRow(tag: TagSizes, largest: number, selected: number | undefined): SafeHtml {
  const added = tag.addedBytes ?? (tag.change !== undefined && tag.change > 0 ? tag.change : 0);
  const whole = ((tag.size ?? 0) / largest) * BAR_WIDTH;
  const fresh = Math.min(whole, (added / largest) * BAR_WIDTH);
  const adds = tag.addedBytes !== undefined
    ? `+${formatBytes(tag.addedBytes)}`
    : formatChange(tag.change, formatBytes);
  const addsTitle = tag.addedBytes === undefined ? l10n.t('Size change from the tag before') : '';
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
  const layers = tag.newLayers.length;
  if (layers > 0) {
    parts.push(layers === 1 ? l10n.t('1 layer') : l10n.t('{0} layers', layers));
  }
  const states = tag.newStateFiles.length;
  if (states > 0) {
    parts.push(states === 1 ? l10n.t('1 state file') : l10n.t('{0} state files', states));
  }
  const gone = tag.droppedFiles.length;
  const noLonger = gone === 1
    ? l10n.t('(no longer uses 1 file)')
    : l10n.t('(no longer uses {0} files)', gone);
  const dropped = gone > 0 ? html`<span class="muted"> ${noLonger}</span>` : '';
  return html`${parts.length > 0 ? parts.join(', ') : l10n.t('none')}${dropped}`;
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
  <h2 id="disk-title">${l10n.t('Registry disk')}</h2>
  ${diskBody(view, templateBytes)}
</section>`;
}

function diskBody(view: DetailsView, templateBytes: number | undefined): SafeHtml {
  if (view.disk.state === 'loading') {
    return loadingLine(l10n.t('Reading disk usage…'));
  }
  if (view.disk.state === 'failed') {
    const title = l10n.t('Could not read the registry\'s disk usage.');
    return failedBox(title, view.disk.message, 'refresh');
  }
  return diskFigures(view.disk.value, templateBytes, view.templateName);
}

function diskFigures(disk: DiskUsage, templateBytes: number | undefined, name: string): SafeHtml {
  const share = diskShare(disk, templateBytes);
  if (!share) {
    return html`<p class="muted">${l10n.t('The registry did not report its disk size.')}</p>`;
  }
  const label = l10n.t({
    message: '{0}: {1}, other templates and files: {2}, free: {3}',
    args: [
      name,
      formatPercent(share.templateFraction),
      formatPercent(share.otherFraction),
      formatPercent(share.freeFraction),
    ],
    comment: 'The disk chart for screen readers; {0} is the template, {1} to {3} percentages',
  });
  const chart = bar([
    { className: 'bar-added', width: share.templateFraction * BAR_WIDTH },
    { className: 'bar-shared', width: share.otherFraction * BAR_WIDTH },
  ], label);
  const ofUsed = formatPercent(share.used > 0 ? share.template / share.used : 0);
  const template = l10n.t({
    message: 'This template: {0} ({1} of the disk, {2} of what is used)',
    args: [formatBytes(share.template), formatPercent(share.templateFraction), ofUsed],
    comment: '{0} is a size, {1} and {2} percentages',
  });
  const other = l10n.t('Everything else: {0}', formatBytes(share.other));
  const free = l10n.t({
    message: 'Free: {0} of {1}',
    args: [formatBytes(share.free), formatBytes(share.total)],
    comment: 'Sizes: free space of the whole disk',
  });
  return html`<div class="disk-bar">${chart}</div>
  <ul class="legend" id="disk-legend">
    <li><span class="swatch swatch-added" aria-hidden="true"></span>${template}</li>
    <li><span class="swatch swatch-shared" aria-hidden="true"></span>${other}</li>
    <li><span class="swatch swatch-free" aria-hidden="true"></span>${free}</li>
  </ul>`;
}
