import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import {
  CONFIG_SCHEME, configUri, parseConfigUri, type ConfigAddress,
} from '../../src/details/configUri';
import { selectorOf } from '../../src/details/configStore';
import { previousVersion, selectorFor, tagLabel } from '../../src/details/versions';
import { parseTemplate } from '../../src/registry/parse';
import {
  DETAILS_VIEW_TYPE, parsePersistedDetails, parseWebviewMessage,
} from '../../src/webviews/details/protocol';

const ADDRESS: ConfigAddress = {
  registryName: 'CI / macOS',
  registryUrl: 'http://127.0.0.1:8089',
  templateId: 'c12ccfa5-8757-411e-9505-128190e9854e',
  templateName: '12.4',
  version: 2,
  tag: 'vanilla+port-forward-22+brew-git',
  byVersion: false,
  revealSecrets: false,
};

describe('config URIs', () => {
  it('round-trips through text, as VS Code stores and restores them', () => {
    const uri = configUri(ADDRESS);
    assert.equal(uri.scheme, CONFIG_SCHEME);
    assert.deepEqual(parseConfigUri(URI.parse(uri.toString())), ADDRESS);
  });

  it('keeps plus signs, percent signs, slashes, quotes and other scripts intact', () => {
    const tricky = {
      ...ADDRESS,
      templateName: 'a/b\\c ../..',
      tag: '+ %2B & = ? # "x" <y> 日本',
      byVersion: true,
      revealSecrets: true,
    };
    const uri = configUri(tricky);
    assert.deepEqual(parseConfigUri(URI.parse(uri.toString())), tricky);
    assert.equal(uri.path.split('/').length, 4, 'slashes in names do not add folders');
    assert.ok(uri.path.endsWith('.yaml'), 'the .yaml ending picks the YAML language');
  });

  it('names a version without a tag by its number', () => {
    const uri = configUri({ ...ADDRESS, tag: '', version: 7 });
    assert.match(uri.path, /\/version 7\.yaml$/);
    assert.deepEqual(selectorOf({ ...ADDRESS, tag: '', version: 7 }), { version: 7 });
  });

  it('refuses other schemes and incomplete queries', () => {
    assert.equal(parseConfigUri({ scheme: 'file', query: '' }), undefined);
    assert.equal(parseConfigUri({ scheme: CONFIG_SCHEME, query: 'registry=a&url=b' }), undefined);
    const noVersion = 'registry=a&url=http%3A%2F%2Fx&template=t&version=-1';
    assert.equal(parseConfigUri({ scheme: CONFIG_SCHEME, query: noVersion }), undefined);
  });
});

describe('version selection', () => {
  const template = parseTemplate({
    id: 't', name: 't',
    versions: [
      { number: 0, tag: 'stable' }, { number: 1, tag: '' }, { number: 2, tag: 'stable' },
      { number: 3, tag: 'unique' },
    ],
  });

  it('asks by tag when the tag names one version, by number otherwise', () => {
    const [stable, untagged, again, unique] = template.versions;
    assert.deepEqual(selectorFor(template, unique!), { tag: 'unique' });
    assert.deepEqual(selectorFor(template, stable!), { version: 0 });
    assert.deepEqual(selectorFor(template, again!), { version: 2 });
    assert.deepEqual(selectorFor(template, untagged!), { version: 1 });
    assert.equal(tagLabel(untagged!), '(version 1)');
  });

  it('finds the version before, by number', () => {
    const [stable, untagged] = template.versions;
    assert.equal(previousVersion(template, untagged!)?.number, 0);
    assert.equal(previousVersion(template, stable!), undefined);
  });
});

describe('webview messages', () => {
  it('accepts the messages the panel understands', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'copyConfig', extra: 1 }), { type: 'copyConfig' });
    assert.deepEqual(
      parseWebviewMessage({ type: 'selectVersion', version: 3 }),
      { type: 'selectVersion', version: 3 },
    );
  });

  it('ignores anything else', () => {
    for (const message of [
      null, 'ready', [], {}, { type: 'runCommand', command: 'x' }, { type: 'selectVersion' },
      { type: 'selectVersion', version: '3' }, { type: 'selectVersion', version: -1 },
      { type: 'selectVersion', version: 1.5 }, { type: '__proto__' }, { type: 'toString' },
    ]) {
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message));
    }
  });
});

describe('saved panel state', () => {
  const saved = {
    kind: DETAILS_VIEW_TYPE,
    registry: { name: 'Local', url: 'http://127.0.0.1:8089' },
    templateId: 'abc',
    templateName: 'sequoia',
    version: 2,
  };

  it('restores a complete state', () => {
    assert.deepEqual(parsePersistedDetails(saved), saved);
    const unversioned = { ...saved, version: undefined };
    assert.deepEqual(parsePersistedDetails(unversioned), unversioned);
    assert.equal(parsePersistedDetails({ ...saved, templateName: 7 })?.templateName, 'abc');
  });

  it('refuses states from other panels or with missing parts', () => {
    assert.equal(parsePersistedDetails(undefined), undefined);
    assert.equal(parsePersistedDetails({ ...saved, kind: 'other' }), undefined);
    assert.equal(parsePersistedDetails({ ...saved, registry: { name: 'x' } }), undefined);
    assert.equal(parsePersistedDetails({ ...saved, templateId: '' }), undefined);
    assert.equal(parsePersistedDetails({ ...saved, version: 'two' })?.version, undefined);
  });
});
