// The local registry's template endpoints, checked against the registry API page's examples.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  fetchEnvelope,
  fetchText,
  okBody,
  type TemplateSummary,
  type TemplateView,
} from './localRegistryClient';

const MONTEREY = 'c12ccfa5-8757-411e-9505-128190e9854e';
const SEQUOIA = '2db3814c-2913-42b9-ae42-c33f1e6124d4';
const MONTEREY_1210 = '0e1660cb-632f-4748-8a0d-ce82ae6bcd25';
const APPIUM = '2fa0f10e-e91e-4665-8d42-00a39b9707de';
const MANY_TAGS = '8253dc12-ba5f-44d5-b5ce-b57287d25535';
const TWO_TO_THE_32 = 2 ** 32;

/** Each distinct file counted once. */
function sizeOfFiles(fileSizes: Record<string, number>, files: string[]): number {
  let total = 0;
  for (const file of new Set(files)) {
    total += fileSizes[file] ?? Number.NaN;
  }
  return total;
}

describe('local registry: status, listing and template detail', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry();
  });
  after(() => registry.close());

  it('listens on 127.0.0.1 with a URL without trailing slash', () => {
    assert.match(registry.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(registry.url, `http://127.0.0.1:${registry.port}`);
  });

  it('answers status with the version, and livez/readyz with plain ok', async () => {
    const answer = await fetchEnvelope(`${registry.url}/registry/status`);
    assert.equal(answer.httpStatus, 200);
    assert.match(answer.contentType, /^application\/json/);
    assert.deepEqual(answer.envelope, {
      status: 'OK',
      body: { status: 'Running', version: '1.13.0-24e848a5' },
      message: '',
    });
    for (const path of ['/livez', '/readyz']) {
      const health = await fetchText(`${registry.url}${path}`);
      assert.deepEqual([health.httpStatus, health.text], [200, 'ok']);
    }
  });

  it('lists v2 templates as id, name and size only, ordered by id', async () => {
    const list = await okBody<TemplateSummary[]>(`${registry.url}/registry/v2/vm`);
    assert.ok(list.length >= 9);
    for (const item of list) {
      assert.deepEqual(Object.keys(item), ['id', 'name', 'size']);
      assert.ok(item.size > TWO_TO_THE_32, `${item.name} is ${item.size} bytes`);
    }
    assert.deepEqual(list.map((t) => t.id), list.map((t) => t.id).sort());
    const names = list.map((t) => t.name);
    for (const name of ['12.4', 'sequoia', '12.1.0', 'appium-base', '12.4-gitlab']) {
      assert.ok(names.includes(name), name);
    }
  });

  it('shows the sequoia template exactly as the API page does', async () => {
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${SEQUOIA}`);
    const { versions, ...rest } = template;
    assert.deepEqual(rest, {
      id: SEQUOIA, name: 'sequoia', size: 28221379076, arch: 'arm64',
      last_pull: 1742211405, last_push: 1741354557,
    });
    assert.deepEqual(versions.map((v) => [v.number, v.tag, v.size, v.state_file]), [
      [0, 'suspended', 26937917952, '16b5fd251f724d699df853e7718d750a.ank'],
      [1, 'ssh', 26937922052, '27a1c0f5c902420395ca32db43aa97be.ank'],
      [2, 'java17', 28217180160, ''],
    ]);
    assert.deepEqual(versions[1], {
      number: 1, tag: 'ssh', config_file: `${SEQUOIA}.yaml`, nvram: 'nvram',
      images: ['b16512b62a07485e853e6c67426094c0.ank', '3b1d13f4a360444788a046ac98d7925d.ank'],
      state_files: [
        '27a1c0f5c902420395ca32db43aa97be.ank',
        '16b5fd251f724d699df853e7718d750a.ank',
      ],
      description: '', state_file: '27a1c0f5c902420395ca32db43aa97be.ank',
      size: 26937922052, arch: '', last_pull: 1741354557, last_push: 1741354557,
      creation_date: 1739188070,
    });
  });

  it('leaves out the dates an older registry never recorded', async () => {
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${MONTEREY}`);
    assert.equal(template.last_pull, undefined);
    assert.ok(template.versions.every((v) => !('creation_date' in v) && !('last_pull' in v)));
  });

  it('answers an unknown id with HTTP 200 and a FAIL envelope naming it', async () => {
    for (const path of ['/registry/v2/vm', '/registry/vm', '/registry/vm/info']) {
      const answer = await fetchEnvelope(`${registry.url}${path}?id=no-such-template`);
      assert.equal(answer.httpStatus, 200);
      assert.equal(answer.envelope.status, 'FAIL');
      assert.match(answer.envelope.message, /no-such-template/);
    }
  });

  it('lists v1 templates as {id: name} objects', async () => {
    const list = await okBody<Record<string, string>[]>(`${registry.url}/registry/vm`);
    assert.ok(list.every((entry) => Object.keys(entry).length === 1));
    const byId = Object.assign({}, ...list) as Record<string, string>;
    assert.equal(byId['5d1b40b9-7e68-4807-a290-c59c66e926b4'], '12.4-gitlab');
    assert.equal(byId['b6e96ed0-6d0f-4152-a97c-944553b3c35b'], '12.4-openjdk-11.0.14.1');
    assert.equal(byId['c0847bc9-5d2d-4dbc-ba6a-240f7ff08032'], '12.4-openjdk-11.0.14.1-jenkins');
    assert.equal(byId[MONTEREY], '12.4');
  });

  it('shows the v1 detail of 12.4 and 12.1.0 as the API page does, without dates', async () => {
    const template = await okBody<TemplateView>(`${registry.url}/registry/vm?id=${MONTEREY}`);
    assert.deepEqual(Object.keys(template), ['id', 'name', 'versions', 'size', 'arch']);
    assert.deepEqual(template.versions[2], {
      number: 2, tag: 'vanilla+port-forward-22+brew-git', config_file: `${MONTEREY}.yaml`,
      nvram: 'nvram',
      images: ['c92b6575b4ed40bb825ad6e0903519dc.ank', '113eb088112f4b0c9d28197590058301.ank'],
      state_files: [], description: '', state_file: '', size: 22706692096, arch: '',
    });
    assert.deepEqual([template.size, template.arch], [22706692096, 'amd64']);
    const other = await okBody<TemplateView>(`${registry.url}/registry/vm?id=${MONTEREY_1210}`);
    assert.deepEqual(other.versions.map((v) => [v.tag, v.size]), [['vanilla+addons', 19425398784]]);
    assert.equal(other.size, 19425398784);
  });

  it('reports sizes that agree with the files the versions name', async () => {
    const list = await okBody<TemplateSummary[]>(`${registry.url}/registry/v2/vm`);
    for (const summary of list) {
      const url = `${registry.url}/registry/v2/vm?id=${summary.id}`;
      const template = await okBody<TemplateView>(url);
      const seeded = registry.template(summary.id);
      assert.ok(seeded);
      const files = template.versions.flatMap((v) => [...v.images, ...(v.state_files ?? [])]);
      assert.equal(template.size, sizeOfFiles(seeded.fileSizes, files), template.name);
      assert.equal(summary.size, template.size);
      for (const version of template.versions) {
        const own = [...version.images, ...(version.state_files ?? [])];
        assert.equal(version.size, sizeOfFiles(seeded.fileSizes, own), version.tag);
        assert.ok(version.size <= template.size);
      }
    }
  });

  it('has a many-tag template whose tags form one chain, newest layer first', async () => {
    const template = await okBody<TemplateView>(`${registry.url}/registry/v2/vm?id=${MANY_TAGS}`);
    assert.ok(template.versions.length >= 12);
    template.versions.forEach((version, index) => {
      assert.equal(version.number, index);
      assert.equal(version.images.length, index + 1);
      const previous = template.versions[index - 1];
      if (previous) {
        assert.deepEqual(version.images.slice(1), previous.images);
      }
    });
    assert.ok(template.versions.some((v) => /\+/.test(v.tag) && /\./.test(v.tag)));
    assert.ok(template.versions.some((v) => v.tag.includes('_')));
    assert.ok(template.versions.every((v) => v.description !== ''));
  });

  it('shows the variety a real fleet has', async () => {
    const detailUrl = (id: string): string => `${registry.url}/registry/v2/vm?id=${id}`;
    const details = await Promise.all(
      registry.templates().map((t) => okBody<TemplateView>(detailUrl(t.id))),
    );
    const versions = details.flatMap((t) => t.versions);
    assert.ok(versions.some((v) => v.state_files === null));
    assert.ok(versions.some((v) => v.state_file !== ''));
    assert.ok(versions.some((v) => v.arch !== ''));
    const yearAgo = Date.parse('2026-01-01T00:00:00Z') / 1000;
    const stale = details.find((t) => t.name === 'appium-base');
    assert.ok(stale?.last_pull !== undefined && stale.last_pull < yearAgo);
    assert.ok(new Set(details.map((t) => t.arch)).size === 2);
  });

  it('answers unknown routes like Go and a wrong method with 405', async () => {
    for (const path of ['/nope', '/registry/v2/vm/', '/registry/v3/vm']) {
      const answer = await fetchText(`${registry.url}${path}`);
      assert.deepEqual([answer.httpStatus, answer.text], [404, '404 page not found\n']);
      assert.match(answer.contentType, /^text\/plain/);
    }
    const wrong = await fetchText(`${registry.url}/registry/v2/vm`, { method: 'POST' });
    assert.equal(wrong.httpStatus, 405);
    assert.match(wrong.text, /Method Not Allowed/);
  });
});

describe('local registry: vm/info configs', () => {
  let registry: LocalRegistry;
  before(async () => {
    registry = await startLocalRegistry();
  });
  after(() => registry.close());
  const info = (query: string) => fetchEnvelope(`${registry.url}/registry/vm/info?${query}`);

  it('answers the latest config like the API page example', async () => {
    const answer = await info(`id=${APPIUM}`);
    assert.deepEqual(answer.envelope.body, {
      nvram: true,
      state_file: '668e52df4d454f0fbc14cc69a15c5006.ank',
      display: {
        frame_buffer: {
          height: 768, pci_slot: 29, vnc_ip: '0.0.0.0', width: 1024, password: 'admin',
        },
      },
      version: 1,
      usb: { pci_slot: 7, host: 0, tablet: 1 },
      network_cards: [{
        mode: 'shared', pci_slot: 28, mac_address: '56:45:45:3c:db:02',
        port_forwarding_rules: [
          { host_port: 0, protocol: 'tcp', rule_name: 'ssh1', guest_port: 22, host_ip: '0' },
        ],
      }],
      hard_drives: [
        { pci_slot: 4, controller: 'ablk', file: '239bb374545141ceb481d495ec01683e.ank' },
      ],
      cpu: { cores: 2 },
      name: 'appium-base',
      ram: '2G',
      uuid: APPIUM,
      firmware: { type: 'uefi' },
    });
  });

  it('selects a version by encoded tag or by number, and the configs differ', async () => {
    const vanilla = await info(`id=${MONTEREY}&tag=vanilla`);
    const byTag = await info(`id=${MONTEREY}&tag=${encodeURIComponent('vanilla+port-forward-22')}`);
    const byNumber = await info(`id=${MONTEREY}&version=1`);
    assert.equal(byTag.envelope.status, 'OK');
    assert.deepEqual(byTag.envelope.body, byNumber.envelope.body);
    const cardOf = (answer: typeof vanilla) =>
      (answer.envelope.body as { network_cards: Record<string, unknown>[] }).network_cards[0];
    assert.equal('port_forwarding_rules' in (cardOf(vanilla) ?? {}), false);
    assert.equal(cardOf(byTag)?.['port_forwarding_rules'] instanceof Array, true);
    const java = await okBody<{ ram: string }>(`${registry.url}/registry/vm/info?id=${SEQUOIA}`);
    const ssh = await okBody<{ ram: string }>(
      `${registry.url}/registry/vm/info?id=${SEQUOIA}&tag=ssh`,
    );
    assert.notEqual(java.ram, ssh.ram);
  });

  it('misses a tag sent with a raw +, which decodes to a space', async () => {
    const answer = await info(`id=${MONTEREY}&tag=vanilla+port-forward-22`);
    assert.equal(answer.envelope.status, 'FAIL');
    assert.match(answer.envelope.message, /vanilla port-forward-22/);
    assert.equal(registry.requests.at(-1)?.query['tag'], 'vanilla port-forward-22');
  });

  it('fails on an unknown tag, an unknown version and a malformed version', async () => {
    for (const query of ['tag=nope', 'version=9', 'version=abc', 'version=-1']) {
      const answer = await info(`id=${MONTEREY}&${query}`);
      assert.equal(answer.envelope.status, 'FAIL', query);
      assert.ok(answer.envelope.message.length > 0);
    }
  });

  it('uses shared, bridged and vnet modes and both missing and null rules', () => {
    const cards = registry.templates().flatMap((t) =>
      t.versions.flatMap((v) => v.config.network_cards));
    const modes = new Set(cards.map((card) => card.mode));
    assert.deepEqual([...modes].sort(), ['bridged', 'shared', 'vnet']);
    assert.ok(cards.some((card) => !('port_forwarding_rules' in card)));
    assert.ok(cards.some((card) => card.port_forwarding_rules === null));
  });
});
