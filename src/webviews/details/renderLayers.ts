import * as l10n from '@vscode/l10n';
import type { LayerFile } from '../../details/layers';
import type { TemplateSizes } from '../../details/sizes';
import { tagLabel } from '../../details/versions';
import { formatBytes } from '../../format';
import { classes, html, type SafeHtml } from './html';

/** The Layers section: one row per group of files the same tags use, one column per tag. */

interface FileGroupRow {
  files: LayerFile[];
  usedBy: number[];
  size: number | undefined;
}

export function layersSection(sizes: TemplateSizes, selected: number | undefined): SafeHtml {
  const { layers } = sizes;
  if (layers.files.length === 0) {
    return html`<section class="section" id="layers" aria-labelledby="layers-title">
      <h2 id="layers-title">${l10n.t('Layers')}</h2>
      <p class="muted">${l10n.t('The registry lists no layer files.')}</p>
    </section>`;
  }
  const versions = sizes.tags.map((tag) => tag.number);
  const head = versions.map(
    (number) => html`<th scope="col" class="${classes('dot', number === selected && 'selected')}"
      title="${tagTitle(sizes, number)}" aria-label="${tagTitle(sizes, number)}">#${number}</th>`,
  );
  const rows = groupRows(sizes).map((row) => layerRow(row, versions, selected, sizes));
  const derived = l10n.t('Sizes are derived from the tag sizes the registry reports.');
  const grouped = l10n.t(
    'Files the same tags use always come and go together, so they share one row and one size.',
  );
  const note = layers.consistent
    ? `${derived} ${grouped}`
    : l10n.t('The registry\'s size figures contradict each other, so no per-file size is shown.');
  return html`<section class="section" id="layers" aria-labelledby="layers-title">
  <h2 id="layers-title">${l10n.t('Layers')}</h2>
  <p class="muted">${l10n.t('Which tags use each layer and state file.')} ${note}</p>
  <div class="scroll" tabindex="0" role="region" aria-labelledby="layers-title">
  <table class="grid layers" id="layer-matrix">
    <caption class="visually-hidden">${
      l10n.t('Layer and state files, with the tags that use them')}</caption>
    <thead><tr><th scope="col">${l10n.t('Files')}</th><th scope="col" class="num">${
      l10n.t('Size')}</th>
      <th scope="col">${l10n.t('Shared by')}</th>${head}</tr></thead>
    <tbody>${rows}</tbody>
  </table>
  </div>
</section>`;
}

/** Groups in the order their first file was introduced. */
function groupRows(sizes: TemplateSizes): FileGroupRow[] {
  const rows = new Map<number, FileGroupRow>();
  for (const file of sizes.layers.files) {
    const row = rows.get(file.group);
    if (row) {
      row.files.push(file);
    } else {
      const size = sizes.layers.groups[file.group]?.size;
      rows.set(file.group, { files: [file], usedBy: file.usedBy, size });
    }
  }
  return [...rows.values()];
}

function tagTitle(sizes: TemplateSizes, number: number): string {
  const tag = sizes.tags.find((item) => item.number === number);
  return tag ? `#${number} ${tagLabel(tag)}` : `#${number}`;
}

function layerRow(
  row: FileGroupRow,
  versions: number[],
  selected: number | undefined,
  sizes: TemplateSizes,
): SafeHtml {
  const files = row.files.map((file) => html`<div class="file-line">
      <span class="${classes('kind', `kind-${file.kind}`)}">${kindName(file.kind)}</span>
      <code title="${file.file}">${shortName(file.file)}</code></div>`);
  const used = new Set(row.usedBy);
  const cells = versions.map((number) => {
    const uses = used.has(number);
    const title = usesTitle(tagTitle(sizes, number), uses, row.files.length === 1);
    // The dots are read as words: aria-label on a plain span is not read out.
    const mark = uses
      ? html`<span class="used" aria-hidden="true">●</span><span class="visually-hidden">${
        l10n.t('used')}</span>`
      : html`<span class="unused" aria-hidden="true">·</span><span class="visually-hidden">${
        l10n.t('not used')}</span>`;
    return html`<td class="${classes('dot', number === selected && 'selected')}" title="${title}">${
      mark}</td>`;
  });
  const shared = row.usedBy.length === 1
    ? l10n.t('one tag')
    : l10n.t('{0} tags', row.usedBy.length);
  const size = row.size === undefined ? l10n.t('unknown') : formatBytes(row.size);
  const together = row.files.length > 1
    ? html`<div class="muted">${l10n.t('{0} files together', row.files.length)}</div>`
    : '';
  return html`<tr>
    <th scope="row">${files}</th>
    <td class="num">${size}${together}</td>
    <td>${shared}</td>
    ${cells}
  </tr>`;
}

function kindName(kind: LayerFile['kind']): string {
  return kind === 'layer' ? l10n.t('layer') : l10n.t('state');
}

/** A cell's tooltip: "#2 java17 uses this file", "#0 vanilla does not use these files". */
function usesTitle(tag: string, uses: boolean, oneFile: boolean): string {
  if (uses) {
    return oneFile ? l10n.t('{0} uses this file', tag) : l10n.t('{0} uses these files', tag);
  }
  return oneFile
    ? l10n.t('{0} does not use this file', tag)
    : l10n.t('{0} does not use these files', tag);
}

/** Layer files are long hex names; the first characters tell them apart. */
function shortName(file: string): string {
  const base = file.replace(/\.ank$/, '');
  return base.length > 12 ? `${base.slice(0, 12)}…` : file;
}
