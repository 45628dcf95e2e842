import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RegistryError } from '../../src/registry/errors';
import type { RegistryStatus } from '../../src/registry/models';
import type { ErrorNode, TagNode, TemplateNode } from '../../src/tree/nodes';
import {
  errorSpeech, registrySpeech, tagSpeech, templateSpeech,
} from '../../src/tree/rowSpeech';
import { DAY, REGISTRY, template, version } from './listingFixtures';

const GIB = 1024 ** 3;
const STATUS: RegistryStatus = { state: 'Running', version: '1.13.0-24e848a5', raw: {} };
const now = Date.now() / 1000;

function templateNode(name: string): TemplateNode {
  return {
    kind: 'template',
    id: `template:${name}`,
    registry: REGISTRY,
    summary: { id: `${name}-id`, name, size: 28.4 * GIB, raw: {} },
  };
}

function tagNode(fields: Parameters<typeof version>[1], isNewest: boolean): TagNode {
  const sequoia = template({ id: 'sq', name: 'sequoia', arch: 'arm64', tags: 2 });
  const tag = version(1, fields);
  sequoia.versions[1] = tag;
  return {
    kind: 'tag', id: 'tag:1', registry: REGISTRY, template: sequoia, version: tag, isNewest,
  };
}

test('a registry row says its name, host, version, that it answers and its free disk', () => {
  const disk = { free: 284.5 * GIB, total: 931.5 * GIB, used: 647 * GIB };
  assert.equal(
    registrySpeech(REGISTRY, { state: 'ok', status: STATUS, disk }),
    'Registry CI, 127.0.0.1:1, version 1.13.0, reachable, 284.5 GiB free of 931.5 GiB',
  );
  assert.equal(
    registrySpeech(REGISTRY, {
      state: 'ok', status: { ...STATUS, version: undefined }, disk: undefined,
    }),
    'Registry CI, 127.0.0.1:1, reachable',
  );
  const checking = registrySpeech(REGISTRY, { state: 'loading' });
  assert.equal(checking, 'Registry CI, 127.0.0.1:1, checking');
});

test('an unreachable registry says why in words, not with a warning icon only', () => {
  const error = new RegistryError({
    kind: 'network',
    operation: 'read the status',
    registryName: 'CI',
    registryUrl: 'http://127.0.0.1:1',
    reason: 'connection refused by 127.0.0.1:1',
  });
  assert.equal(
    registrySpeech(REGISTRY, { state: 'failed', error }),
    'Registry CI, 127.0.0.1:1, unreachable: connection refused by 127.0.0.1:1',
  );
});

test('a template row says arch, size, tags and last push, with commas instead of dots', () => {
  const details = template({ id: 'x', name: 'sequoia-xcode-16.2', arch: 'arm64', tags: 12 });
  details.size = 28.4 * GIB;
  details.lastPush = now - 2 * DAY;
  const spoken = templateSpeech(templateNode('sequoia-xcode-16.2'), details);
  assert.equal(
    spoken,
    'Template sequoia-xcode-16.2, arch arm64, 28.4 GiB, 12 tags, last pushed 2 days ago',
  );
  assert.doesNotMatch(spoken, /·/);
  const single = template({ id: 'y', name: 'base', tags: 1 });
  assert.match(templateSpeech(templateNode('base'), single), /arch unknown, .*, 1 tag$/);
});

test('a template whose details are not loaded says so after its size', () => {
  assert.equal(
    templateSpeech(templateNode('12.4'), undefined),
    'Template 12.4, 28.4 GiB, details not loaded yet',
  );
});

test('a tag row says version, template, newest, size, arch, push and suspended state once', () => {
  const spoken = tagSpeech(tagNode({
    tag: 'suspended',
    size: 25.1 * GIB,
    lastPush: now - 3 * DAY,
    stateFile: 'state.ank',
    description: 'Nightly, suspended after boot',
  }, true));
  assert.equal(
    spoken,
    'Tag suspended, version 1 of sequoia, newest, 25.1 GiB, arch arm64, pushed 3 days ago, ' +
      'with a suspended VM state, description: Nightly, suspended after boot',
  );
  assert.equal(spoken.match(/suspended VM state/g)?.length, 1);
});

test('a plain tag leaves out what it does not have; an untagged version says so', () => {
  assert.equal(
    tagSpeech(tagNode({ tag: 'java17', size: GIB }, false)),
    'Tag java17, version 1 of sequoia, 1.0 GiB, arch arm64',
  );
  assert.match(tagSpeech(tagNode({ tag: '' }, false)), /^Untagged version 1, version 1 of/);
});

test('an error row says what failed where, why, and where the actions are', () => {
  const refused = new RegistryError({
    kind: 'unauthorized',
    operation: 'list templates',
    registryName: 'CI',
    registryUrl: 'http://127.0.0.1:1',
    reason: 'the registry answered 401 Unauthorized',
  });
  const node: ErrorNode = {
    kind: 'error', id: 'error:1', parent: REGISTRY, what: 'templates', error: refused,
  };
  assert.equal(
    errorSpeech(node),
    'Error: could not load the templates of CI, the registry answered 401 Unauthorized, ' +
      'Sign In Again, Retry and Show Log are in the context menu',
  );
  const tags: ErrorNode = {
    kind: 'error', id: 'error:2', parent: templateNode('sequoia'), what: 'tags',
    error: new Error('socket hang up'),
  };
  assert.equal(
    errorSpeech(tags),
    'Error: could not load the tags of sequoia, socket hang up, ' +
      'Retry and Show Log are in the context menu',
  );
});
