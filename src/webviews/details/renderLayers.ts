import type { LayerFile } from '../../details/layers';
import type { TemplateSizes } from '../../details/sizes';
import { tagLabel } from '../../details/versions';
import { formatBytes, pluralize } from '../../format';
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
      <h2 id="layers-title">Layers</h2><p class="muted">The registry lists no layer files.</p>
    </section>`;
  }
  const versions = sizes.tags.map((tag) => tag.number);
  const head = versions.map(
    (number) => html`<th scope="col" class="${classes('dot', number === selected && 'selected')}"
      title="${tagTitle(sizes, number)}">#${number}</th>`,
  );
  const rows = groupRows(sizes).map((row) => layerRow(row, versions, selected, sizes));
  const note = layers.consistent
    ? 'Sizes are derived from the tag sizes the registry reports. Files that the same tags use ' +
      'always come and go together, so they share one row and one size.'
    : 'The registry\'s size figures contradict each other, so no per-file size is shown.';
  return html`<section class="section" id="layers" aria-labelledby="layers-title">
  <h2 id="layers-title">Layers</h2>
  <p class="muted">Which tags use each layer and state file. ${note}</p>
  <div class="scroll">
  <table class="grid layers" id="layer-matrix">
    <thead><tr><th scope="col">Files</th><th scope="col" class="num">Size</th>
      <th scope="col">Shared by</th>${head}</tr></thead>
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
      <span class="${classes('kind', `kind-${file.kind}`)}">${file.kind}</span>
      <code title="${file.file}">${shortName(file.file)}</code></div>`);
  const used = new Set(row.usedBy);
  const what = row.files.length === 1 ? 'this file' : 'these files';
  const cells = versions.map((number) => {
    const uses = used.has(number);
    const title = `${tagTitle(sizes, number)} ${uses ? 'uses' : 'does not use'} ${what}`;
    const mark = uses
      ? html`<span class="used" aria-label="used">●</span>`
      : html`<span class="unused" aria-label="not used">·</span>`;
    return html`<td class="${classes('dot', number === selected && 'selected')}" title="${title}">${
      mark}</td>`;
  });
  const shared = row.usedBy.length === 1 ? 'one tag' : pluralize(row.usedBy.length, 'tag');
  const size = row.size === undefined ? 'unknown' : formatBytes(row.size);
  const together = row.files.length > 1
    ? html`<div class="muted">${pluralize(row.files.length, 'file')} together</div>`
    : '';
  return html`<tr>
    <th scope="row">${files}</th>
    <td class="num">${size}${together}</td>
    <td>${shared}</td>
    ${cells}
  </tr>`;
}

/** Layer files are long hex names; the first characters tell them apart. */
function shortName(file: string): string {
  const base = file.replace(/\.ank$/, '');
  return base.length > 12 ? `${base.slice(0, 12)}…` : file;
}
