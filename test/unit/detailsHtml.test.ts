import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDisk, parseTemplate, parseVmConfig } from '../../src/registry/parse';
import { escapeHtml, html, join } from '../../src/webviews/details/html';
import { highlightYaml } from '../../src/webviews/details/renderConfig';
import { renderDetails } from '../../src/webviews/details/renderDetails';
import { contentSecurityPolicy, renderPage } from '../../src/webviews/details/renderPage';
import { LOADING, type DetailsView } from '../../src/webviews/details/view';

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "' onmouseover='alert(1)",
  '</textarea></pre><iframe src=javascript:alert(1)>',
  '`${alert(1)}` &amp; &lt;',
];

/** Every server string of a template, its tags, config and disk, made hostile. */
function hostileView(index: number): DetailsView {
  const evil = HOSTILE[index] as string;
  const template = parseTemplate({
    id: `id-${evil}`,
    name: `name ${evil}`,
    arch: `arch ${evil}`,
    size: 30 * 2 ** 30,
    last_push: 1764321164,
    versions: [
      { number: 0, tag: `tag ${evil}`, description: `desc ${evil}`, images: [`${evil}.ank`],
        state_files: [], size: 20 * 2 ** 30, creation_date: 1736162801 },
      { number: 1, tag: `second ${evil}`, description: '',
        images: [`new ${evil}.ank`, `${evil}.ank`],
        state_files: [`state ${evil}.ank`], state_file: `state ${evil}.ank`, size: 30 * 2 ** 30 },
    ],
  });
  const config = parseVmConfig({
    name: evil, ram: evil, cpu: { cores: evil }, firmware: { type: evil },
    hard_drives: [{ controller: evil, file: evil }],
    network_cards: [{ mode: evil, port_forwarding_rules: [
      { rule_name: evil, protocol: evil, guest_port: evil, host_port: evil, host_ip: evil },
    ] }],
    display: { frame_buffer: { password: evil, width: 1, height: 1 } },
    state_file: evil,
    [evil]: { [evil]: [evil] },
  });
  return {
    registry: { name: `registry ${evil}`, url: `http://host/${evil}` },
    templateId: template.id,
    templateName: template.name,
    template: { state: 'ready', value: template },
    selected: 1,
    config: { state: 'ready', value: config },
    disk: { state: 'ready', value: parseDisk({ free: 10 * 2 ** 30, total: 100 * 2 ** 30 }) },
    revealSecrets: true,
    nowMillis: Date.parse('2026-12-04T12:00:00Z'),
  };
}

const ALLOWED_TAGS = new Set([
  'header', 'div', 'h1', 'h2', 'h3', 'span', 'button', 'p', 'strong', 'code', 'label', 'select',
  'option', 'section', 'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td',
  'pre', 'svg', 'rect', 'ul', 'li',
]);

/** Fails if the markup holds any element or attribute that the renderers never write. */
function assertOnlyOwnMarkup(markup: string, where: string): void {
  for (const [, name] of markup.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    assert.ok(ALLOWED_TAGS.has(name ?? ''), `${where}: unexpected element <${name}>`);
  }
  for (const [tag] of markup.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const values = [...tag.matchAll(/="([^"]*)"/g)].map((match) => match[1] ?? '');
    for (const value of values) {
      assert.ok(!/[<>'`]/.test(value), `${where}: raw markup in attribute value "${value}"`);
    }
    const names = tag.replace(/="[^"]*"/g, '="…"');
    assert.doesNotMatch(names, /\son[a-z]+\s*=/i, `${where}: an event handler in ${tag}`);
    assert.doesNotMatch(names, /\sstyle\s*=/i, `${where}: an inline style the CSP blocks: ${tag}`);
    assert.doesNotMatch(names, /['`]/, `${where}: an unquoted attribute in ${tag}`);
  }
}

describe('html escaping', () => {
  it('escapes the characters that matter in text and quoted attributes', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&\``),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;',
    );
  });

  it('escapes every interpolated value unless it is html itself, arrays included', () => {
    const evil = '<b>x</b>';
    const nested = [evil, html`<i>${evil}</i>`];
    const out = html`<p title="${evil}">${evil}${nested}${undefined}${false}${0}</p>`;
    assert.equal(
      out.value,
      '<p title="&lt;b&gt;x&lt;/b&gt;">&lt;b&gt;x&lt;/b&gt;&lt;b&gt;x&lt;/b&gt;' +
        '<i>&lt;b&gt;x&lt;/b&gt;</i>0</p>',
    );
    assert.equal(join(['<', html`<br>`], '&').value, '&lt;&amp;<br>');
  });

  it('renders hostile names, tags, descriptions, config values and file names as text', () => {
    HOSTILE.forEach((evil, index) => {
      const markup = renderDetails(hostileView(index)).value;
      assertOnlyOwnMarkup(markup, evil);
      assert.ok(markup.includes(escapeHtml(`name ${evil}`)), 'the name shows, escaped');
      assert.ok(markup.includes(escapeHtml(`desc ${evil}`)) === false, 'tag 0 is not selected');
      assert.ok(markup.includes(escapeHtml(`second ${evil}`)));
    });
  });

  it('escapes the loading and failure states too', () => {
    HOSTILE.forEach((evil, index) => {
      const view = hostileView(index);
      const loading = renderDetails({ ...view, template: LOADING }).value;
      assertOnlyOwnMarkup(loading, `loading ${evil}`);
      const failed = renderDetails({ ...view, template: { state: 'failed', message: evil } }).value;
      assertOnlyOwnMarkup(failed, `failed ${evil}`);
      assert.ok(failed.includes(escapeHtml(evil)));
      const configFailed = renderDetails({
        ...view,
        config: { state: 'failed', message: evil },
        disk: { state: 'failed', message: evil },
      }).value;
      assertOnlyOwnMarkup(configFailed, `config failed ${evil}`);
    });
  });

  it('highlights YAML without letting its text become markup', () => {
    const markup = highlightYaml(`name: '<script>x</script>'\n"<b>": 1\n`).value;
    assertOnlyOwnMarkup(markup, 'yaml');
    assert.ok(markup.includes('&lt;script&gt;'));
  });
});

describe('renderPage', () => {
  const page = renderPage(
    { cspSource: 'https://webview.example', styleUri: 'https://webview.example/details.css',
      scriptUris: ['https://webview.example/panel.js', 'https://webview.example/details.js'],
      nonce: 'abc123' },
    '</title><script>alert(1)</script>',
    html`<p>body</p>`,
  );

  it('starts the CSP from default-src none, with the nonce on each script, in order', () => {
    const policy = contentSecurityPolicy('https://webview.example', 'abc123');
    assert.match(policy, /^default-src 'none'; /);
    assert.match(policy, /script-src 'nonce-abc123'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.ok(page.includes(`content="${policy.replace(/'/g, '&#39;')}"`));
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [
      '<script nonce="abc123" src="https://webview.example/panel.js">',
      '<script nonce="abc123" src="https://webview.example/details.js">',
    ]);
  });

  it('escapes the title and loads styles only from the webview source', () => {
    assert.ok(page.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    assert.match(page, /<link rel="stylesheet" href="https:\/\/webview\.example\/details\.css">/);
    assert.doesNotMatch(page, /<style/);
  });
});

describe('renderDetails', () => {
  it('shows the summary, port rules, YAML, sizes, layers and disk of the selected tag', () => {
    const view = hostileView(0);
    const markup = renderDetails({ ...view, selected: 1 }).value;
    for (const id of ['config-summary', 'port-rules', 'config-yaml', 'size-totals', 'tag-sizes',
      'layer-matrix', 'disk-legend', 'tag-select', 'compare-previous', 'tag-dates']) {
      assert.ok(markup.includes(`id="${id}"`), id);
    }
    assert.match(markup, /<option value="1" selected>/);
    assert.match(markup, /Saved by sharing layers<\/dt><dd>20\.0 GiB \(40%\)/);
  });

  it('masks the VNC password in the summary and the YAML until revealed', () => {
    const view = { ...hostileView(0), revealSecrets: false };
    const markup = renderDetails(view).value;
    assert.ok(!markup.includes(escapeHtml(HOSTILE[0] as string).replace(/&/g, '&amp;')));
    assert.match(markup, /VNC password<\/dt><dd>\*{8}</);
    assert.match(markup, /aria-pressed="false">Reveal Password/);
    const revealed = renderDetails({ ...view, revealSecrets: true }).value;
    assert.match(revealed, /aria-pressed="true">Hide Password/);
  });

  it('has loading lines and error boxes with Retry and Show Log', () => {
    const view = hostileView(1);
    const loading = renderDetails({ ...view, config: LOADING, disk: LOADING }).value;
    assert.match(loading, /Reading the VM config…/);
    assert.match(loading, /Reading disk usage…/);
    const template = { state: 'failed', message: 'HTTP 502' } as const;
    const failed = renderDetails({ ...view, template }).value;
    assert.match(failed, /role="alert"/);
    assert.match(failed, /data-action="refresh">Retry</);
    assert.match(failed, /data-action="showLog">Show Log</);
  });

  it('says so when a template has no tags', () => {
    const view = hostileView(2);
    const empty = parseTemplate({ id: 'e', name: 'empty', versions: [], size: 0 });
    const template = { state: 'ready', value: empty } as const;
    const markup = renderDetails({ ...view, template, selected: undefined }).value;
    assert.match(markup, /This template has no tags\./);
    assert.match(markup, /The registry lists no layer files\./);
  });
});
