import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as yaml from 'js-yaml';
import {
  hasSecrets, maskSecrets, renderConfigYaml, SECRET_MASK, yamlComment,
} from '../../src/details/configYaml';
import { summarizeConfig } from '../../src/details/configSummary';
import { tokenizeYaml } from '../../src/details/yamlTokens';
import { parseVmConfig } from '../../src/registry/parse';
import type { JsonObject } from '../../src/registry/models';
import { sampleTemplates } from '../registry/seed';

/** Every VM config the local registry holds, by template and tag. */
function seededConfigs(): Array<{ where: string; config: JsonObject }> {
  return sampleTemplates().flatMap((template) =>
    template.versions.map((version) => ({
      where: `${template.name}@${version.tag}`,
      config: JSON.parse(JSON.stringify(version.config)) as JsonObject,
    })),
  );
}

/** The config of the registry API page's example, with a port forwarding rule. */
const APPIUM: JsonObject = {
  nvram: true,
  state_file: '668e52df4d454f0fbc14cc69a15c5006.ank',
  display: {
    frame_buffer: { height: 768, pci_slot: 29, vnc_ip: '0.0.0.0', width: 1024, password: 'admin' },
  },
  version: 1,
  usb: { pci_slot: 7, host: 0, tablet: 1 },
  network_cards: [{
    mode: 'shared', pci_slot: 28, mac_address: '56:45:45:3c:db:02',
    port_forwarding_rules: [
      { host_port: 0, protocol: 'tcp', rule_name: 'ssh1', guest_port: 22, host_ip: '0' },
    ],
  }],
  hard_drives: [{ pci_slot: 4, controller: 'ablk', file: '239bb374545141ceb481d495ec01683e.ank' }],
  cpu: { cores: 2 },
  name: 'appium-base',
  ram: '2G',
  uuid: '2fa0f10e-e91e-4665-8d42-00a39b9707de',
  firmware: { type: 'uefi' },
};

describe('renderConfigYaml', () => {
  it('renders every seeded config shape as YAML that reads back to the masked config', () => {
    const configs = seededConfigs();
    assert.ok(configs.length >= 25, `${configs.length} configs`);
    const shapes = new Set<string>();
    for (const { where, config } of configs) {
      const text = renderConfigYaml(config);
      assert.deepEqual(yaml.load(text), maskSecrets(config), where);
      assert.ok(!text.includes('password: admin'), `${where} shows no password`);
      const card = (config.network_cards as JsonObject[])[0] ?? {};
      const rules = card.port_forwarding_rules;
      shapes.add('port_forwarding_rules' in card ? (rules === null ? 'null' : 'list') : 'absent');
    }
    assert.deepEqual([...shapes].sort(), ['absent', 'list', 'null'], 'rules: list, null, absent');
  });

  it('keeps the registry\'s key order and value types', () => {
    const text = renderConfigYaml(APPIUM);
    const topLevel = text.split('\n').filter((line) => /^\w/.test(line));
    const keys = topLevel.map((line) => line.split(':')[0]);
    assert.deepEqual(keys, Object.keys(APPIUM));
    assert.match(text, /^nvram: true$/m);
    assert.match(text, /^ram: 2G$/m);
    assert.match(text, /host_ip: '0'$/m, 'a numeric-looking string stays a string');
    assert.match(text, /guest_port: 22$/m);
    assert.match(text, /^ {4}password: '\*{8}'$/m);
  });

  it('shows the password only when asked to reveal it', () => {
    assert.match(renderConfigYaml(APPIUM, { revealSecrets: true }), /password: admin$/m);
    assert.ok(hasSecrets(APPIUM));
    assert.equal(hasSecrets({ display: { frame_buffer: { password: '' } } }), false);
    const masked = maskSecrets({ list: [{ token: 'abc' }], vnc_password: 7, secret: '' });
    const expected = { list: [{ token: SECRET_MASK }], vnc_password: SECRET_MASK, secret: '' };
    assert.deepEqual(masked, expected);
  });

  it('writes header lines as comments that server text cannot break out of', () => {
    const text = renderConfigYaml({ cpu: { cores: 2 } }, {
      header: ['Template evil\nram: 999G', 'tag\u2028x\r\ny'],
    });
    const parsed = yaml.load(text) as JsonObject;
    assert.deepEqual(parsed, { cpu: { cores: 2 } });
    assert.equal(text.split('\n')[0], '# Template evil ram: 999G');
    assert.equal(yamlComment(['a', '']), '# a\n#\n');
  });

  it('renders strings with markup, quotes and line breaks safely', () => {
    const config = {
      name: '<img src=x onerror=alert(1)>',
      description: 'line one\nline two',
      q: "it's",
    };
    const text = renderConfigYaml(config);
    assert.deepEqual(yaml.load(text), config);
  });
});

describe('tokenizeYaml', () => {
  it('gives tokens that add up to every line of every seeded config', () => {
    for (const { where, config } of [...seededConfigs(), { where: 'appium', config: APPIUM }]) {
      const text = renderConfigYaml(config, { header: ['a header'] });
      const lines = tokenizeYaml(text);
      const rejoined = lines.map((tokens) => tokens.map((token) => token.text).join(''));
      assert.deepEqual(rejoined, text.split('\n'), where);
    }
  });

  it('tells keys, strings, numbers, booleans and comments apart', () => {
    const text = renderConfigYaml(APPIUM, { header: ['hello'] });
    const kinds = (line: string) => {
      const tokens = tokenizeYaml(text)[text.split('\n').indexOf(line)] ?? [];
      const shown = tokens.filter((token) => token.kind !== 'text');
      return shown.map((token) => `${token.kind}:${token.text}`);
    };
    assert.deepEqual(kinds('# hello'), ['comment:# hello']);
    assert.deepEqual(kinds('nvram: true'), ['key:nvram', 'punctuation::', 'boolean:true']);
    assert.deepEqual(kinds('ram: 2G'), ['key:ram', 'punctuation::', 'string:2G']);
    assert.deepEqual(kinds('version: 1'), ['key:version', 'punctuation::', 'number:1']);
    assert.deepEqual(
      kinds('  - mode: shared'),
      ['punctuation:-', 'key:mode', 'punctuation::', 'string:shared'],
    );
    assert.deepEqual(kinds("        host_ip: '0'"), ['key:host_ip', 'punctuation::', "string:'0'"]);
    assert.deepEqual(kinds('display:'), ['key:display', 'punctuation::']);
  });

  it('treats block scalars and plain list items as strings', () => {
    const text = renderConfigYaml({ note: 'one\ntwo: x\n', list: ['http://a:1', 'b'] });
    const lines = tokenizeYaml(text);
    const inBlock = lines[text.split('\n').indexOf('  two: x')];
    assert.deepEqual(inBlock, [{ kind: 'string', text: '  two: x' }]);
    const item = lines[text.split('\n').indexOf('  - http://a:1')];
    const kinds = item?.filter((token) => token.kind !== 'text').map((token) => token.kind);
    assert.deepEqual(kinds, ['punctuation', 'string']);
  });
});

describe('summarizeConfig', () => {
  it('picks out cores, RAM, disk, network, firmware, display and the suspended state', () => {
    const summary = summarizeConfig(parseVmConfig(APPIUM));
    const value = (label: string) => summary.rows.find((row) => row.label === label)?.value;
    assert.equal(value('CPU cores'), '2');
    assert.equal(value('RAM'), '2G');
    assert.equal(value('Disk controller'), 'ablk');
    assert.equal(value('Network'), 'shared');
    assert.equal(value('Firmware'), 'uefi');
    assert.equal(value('Display'), '1024 × 768');
    assert.equal(value('VNC password'), SECRET_MASK);
    assert.match(value('Suspended state') ?? '', /^stored/);
    assert.deepEqual(summary.portRules, [{
      name: 'ssh1', protocol: 'tcp', guestPort: '22', hostPort: '0 (any free port)', hostIp: '0',
    }]);
    assert.equal(summarizeConfig(parseVmConfig(APPIUM), true).rows[6]?.value, 'admin');
  });

  it('copes with a config that has almost nothing', () => {
    const summary = summarizeConfig(parseVmConfig({ network_cards: [{}, { mode: 'bridged' }] }));
    const value = (label: string) => summary.rows.find((row) => row.label === label)?.value;
    assert.equal(value('CPU cores'), 'unknown');
    assert.equal(value('Disk controller'), 'no disks listed');
    assert.equal(value('Network'), 'unknown mode, bridged');
    assert.equal(value('VNC password'), 'not set');
    assert.equal(value('Suspended state'), 'none, boots from cold');
    assert.deepEqual(summary.portRules, []);
  });
});
