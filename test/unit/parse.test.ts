import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  parseApiKeys,
  parseDisk,
  parseStatus,
  parseTemplate,
  parseTemplateList,
  parseTemplateListV1,
  parseVmConfig,
  ShapeError,
} from '../../src/registry/parse';

describe('parseTemplateList', () => {
  it('reads v2 summaries and keeps unknown fields in raw', () => {
    const [template] = parseTemplateList([{ id: 'a', name: '12.4', size: 21024776192, extra: 1 }]);
    assert.deepEqual(
      { id: template?.id, name: template?.name, size: template?.size },
      { id: 'a', name: '12.4', size: 21024776192 },
    );
    assert.equal(template?.raw['extra'], 1);
  });

  it('accepts uuid for id, a numeric string size, and skips items without any id', () => {
    const list = parseTemplateList([{ uuid: 'u', name: 'x', size: '42' }, { name: 'no id' }, 7]);
    assert.equal(list.length, 1);
    assert.equal(list[0]?.id, 'u');
    assert.equal(list[0]?.size, 42);
  });

  it('treats a null body as empty and anything but a list as a shape error', () => {
    assert.deepEqual(parseTemplateList(null), []);
    assert.throws(() => parseTemplateList({ id: 'a' }), ShapeError);
  });

  it('reads the deprecated v1 list of {id: name} objects', () => {
    const list = parseTemplateListV1([{ c12c: '12.4' }, { b6e9: '12.4-openjdk' }]);
    assert.deepEqual(
      list.map((item) => [item.id, item.name]),
      [
        ['c12c', '12.4'],
        ['b6e9', '12.4-openjdk'],
      ],
    );
  });
});

describe('parseTemplate', () => {
  const version = (number: number, extra: Record<string, unknown> = {}) => ({
    number,
    tag: `t${number}`,
    images: ['a.ank'],
    state_files: null,
    state_file: '',
    nvram: 'nvram',
    size: 26937917952,
    arch: '',
    ...extra,
  });

  it('sorts versions by number and reads the quirky fields', () => {
    const template = parseTemplate({
      id: 'x',
      name: 'sequoia',
      arch: 'arm64',
      size: 28221379076,
      versions: [
        version(2, { last_push: 1741354557 }),
        version(0, { state_file: 's.ank' }),
        version(1),
      ],
    });
    assert.deepEqual(
      template.versions.map((item) => item.number),
      [0, 1, 2],
    );
    assert.equal(template.versions[0]?.stateFile, 's.ank');
    assert.equal(template.versions[1]?.stateFile, undefined);
    assert.deepEqual(template.versions[1]?.stateFiles, []);
    assert.equal(template.versions[1]?.arch, undefined);
    assert.equal(template.versions[1]?.nvram, 'nvram');
    assert.equal(template.versions[2]?.lastPush, 1741354557);
    assert.equal(template.arch, 'arm64');
  });

  it('fills in missing fields instead of failing', () => {
    const template = parseTemplate({ id: 'x', versions: [{}, { tag: 'b', number: 'x' }] });
    assert.equal(template.name, 'x');
    assert.equal(template.size, undefined);
    assert.equal(template.versions[0]?.tag, '');
    assert.equal(template.versions[0]?.creationDate, undefined);
    assert.deepEqual(template.versions[0]?.images, []);
  });

  it('refuses a body that is not a template', () => {
    assert.throws(() => parseTemplate([]), ShapeError);
    assert.throws(() => parseTemplate({ name: 'no id' }), /no id/);
  });
});

describe('parseVmConfig', () => {
  it('reads the documented config with nvram as a flag', () => {
    const config = parseVmConfig({
      nvram: true,
      state_file: '668e.ank',
      display: { frame_buffer: { height: 768, width: 1024 } },
      network_cards: [
        {
          mode: 'shared',
          port_forwarding_rules: [
            { host_port: 0, protocol: 'tcp', rule_name: 'ssh1', guest_port: 22, host_ip: '0' },
          ],
        },
      ],
      hard_drives: [{ pci_slot: 4, controller: 'ablk', file: '239b.ank' }],
      cpu: { cores: 2 },
      name: 'appium-base',
      ram: '2G',
      uuid: '2fa0',
      firmware: { type: 'uefi' },
      version: 1,
    });
    assert.equal(config.hasNvram, true);
    assert.equal(config.cpuCores, 2);
    assert.equal(config.ram, '2G');
    assert.equal(config.firmware, 'uefi');
    assert.equal(config.networkCards[0]?.portForwardingRules[0]?.guestPort, 22);
    assert.equal(config.hardDrives[0]?.controller, 'ablk');
    assert.equal(config.displayWidth, 1024);
  });

  it('tolerates null rules, missing sections and a string nvram', () => {
    const config = parseVmConfig({
      network_cards: [{ mode: 'bridged', port_forwarding_rules: null }],
      nvram: 'nvram',
    });
    assert.deepEqual(config.networkCards[0]?.portForwardingRules, []);
    assert.equal(config.hasNvram, true);
    assert.equal(config.cpuCores, undefined);
    assert.deepEqual(config.hardDrives, []);
  });
});

describe('status, disk and API keys', () => {
  it('reads the status body', () => {
    const status = parseStatus({ status: 'Running', version: '1.13.0-24e848a5' });
    assert.equal(status.state, 'Running');
    assert.equal(status.version, '1.13.0-24e848a5');
    assert.equal(parseStatus(null).state, undefined);
  });

  it('derives used disk space', () => {
    assert.deepEqual(parseDisk({ free: 335356690432, total: 1000240963584 }), {
      free: 335356690432,
      total: 1000240963584,
      used: 664884273152,
    });
    assert.equal(parseDisk({ free: 1 }).used, undefined);
    assert.throws(() => parseDisk('full'), ShapeError);
  });

  it('reads API keys as a list or a single object', () => {
    const keys = parseApiKeys([
      { id: 'developer1', groups: ['testgroup'], expiration: '2021-09-21T14:35:08-04:00' },
      { groups: ['no id'] },
    ]);
    assert.equal(keys.length, 1);
    assert.deepEqual(keys[0]?.groups, ['testgroup']);
    assert.equal(parseApiKeys({ id: 'one', groups: null })[0]?.id, 'one');
  });
});
