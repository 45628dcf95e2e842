import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deleteConfirmation, revertConfirmation } from '../../src/commands/confirmations';
import { planRevert, type RevertPlan } from '../../src/commands/revertPlan';
import type { Template } from '../../src/registry';
import type { RegistryNode } from '../../src/tree/nodes';
import { version } from './listingFixtures';

const GIB = 1024 ** 3;

const local: RegistryNode = {
  kind: 'registry',
  id: 'registry:local',
  entry: { name: 'Local', url: 'http://127.0.0.1:8089' },
};
const ci: RegistryNode = {
  kind: 'registry',
  id: 'registry:ci',
  entry: { name: 'CI', url: 'https://ci.example:8089' },
};

function template(name: string, tags: string[], size = 26.3 * GIB): Template {
  return {
    id: `${name}-id`,
    name,
    size,
    arch: 'arm64',
    lastPull: undefined,
    lastPush: undefined,
    raw: {},
    versions: tags.map((tag, number) => version(number, { tag })),
  };
}

function plan(registry: RegistryNode, tpl: Template, from: number | 'newest'): RevertPlan {
  const result = planRevert(registry, tpl, from);
  assert.notEqual(typeof result, 'string', String(result));
  return result as RevertPlan;
}

const sequoia = template('sequoia', ['suspended', 'ssh', 'java17']);

describe('revert confirmation', () => {
  it('names one tag, its version, the template, the registry and what is kept', () => {
    const text = revertConfirmation([plan(local, sequoia, 2)]);
    assert.equal(text.message, 'Revert tag "java17" of template "sequoia"?');
    assert.equal(text.button, 'Revert 1 Tag');
    assert.ok(
      text.detail.startsWith('Registry: Local (http://127.0.0.1:8089)\nTemplate: sequoia\n'),
      text.detail,
    );
    assert.match(text.detail, /\nTag to remove:\n {2}• java17 \(version 2\)\n/);
    assert.match(text.detail, /keeps 2 tags: ssh \(version 1\), suspended \(version 0\)\./);
    assert.doesNotMatch(text.detail, /every newer tag/);
    assert.match(text.detail, /cannot be undone/);
  });

  it('lists the newer tag that goes along with an older one', () => {
    const text = revertConfirmation([plan(local, sequoia, 1)]);
    assert.equal(text.message, 'Revert 2 tags of template "sequoia"?');
    assert.equal(text.button, 'Revert 2 Tags');
    const listed = text.detail.split('\n').filter((line) => line.startsWith('  • '));
    assert.deepEqual(listed, ['  • java17 (version 2)', '  • ssh (version 1)']);
    assert.match(text.detail, /keeps 1 tag: suspended \(version 0\)\./);
    assert.match(text.detail, /Reverting a tag removes it and every newer tag\./);
  });

  it('lists every tag when many go, newest first', () => {
    const tags = Array.from({ length: 12 }, (_, index) => `tag-${index}`);
    const text = revertConfirmation([plan(local, template('many', tags), 3)]);
    assert.equal(text.button, 'Revert 9 Tags');
    const listed = text.detail.split('\n').filter((line) => line.startsWith('  • '));
    assert.equal(listed.length, 9);
    assert.equal(listed[0], '  • tag-11 (version 11)');
    assert.equal(listed[8], '  • tag-3 (version 3)');
  });

  it('says that reverting version 0 removes the template', () => {
    const text = revertConfirmation([plan(local, sequoia, 0)]);
    assert.equal(
      text.message,
      'Revert every tag of template "sequoia"? The template will be removed.',
    );
    assert.equal(text.button, 'Revert 3 Tags and Remove Template');
    assert.match(text.detail, /• suspended \(version 0\)/);
    assert.match(text.detail, /template itself is removed as well/);
    assert.doesNotMatch(text.detail, /keeps/);
  });

  it('reverts a template with one tag only by removing it', () => {
    const single = template('12.1.0', ['vanilla+addons']);
    const text = revertConfirmation([plan(local, single, 'newest')]);
    assert.equal(text.button, 'Revert 1 Tag and Remove Template');
    assert.match(text.message, /every tag of template "12\.1\.0"/);
  });

  it('groups several templates and registries', () => {
    const plans = [
      plan(local, sequoia, 1),
      plan(ci, template('12.4', ['vanilla', 'vanilla+port-forward-22']), 0),
    ];
    const text = revertConfirmation(plans);
    assert.equal(text.message, 'Revert 4 tags in 2 templates?');
    assert.equal(text.button, 'Revert 4 Tags and Remove 1 Template');
    assert.ok(text.detail.startsWith([
      'Registry: Local (http://127.0.0.1:8089)',
      'Template "sequoia":',
      '  • java17 (version 2)',
      '  • ssh (version 1)',
      '  The template keeps 1 tag: suspended (version 0).',
      '',
      'Registry: CI (https://ci.example:8089)',
      'Template "12.4":',
      '  • vanilla+port-forward-22 (version 1)',
      '  • vanilla (version 0)',
      '  No tag is left, so the template itself is removed as well.',
    ].join('\n')), text.detail);
  });

  it('names a version without a tag by its number', () => {
    const text = revertConfirmation([plan(local, template('odd', ['a', '']), 1)]);
    assert.equal(text.message, 'Revert tag "version 1" of template "odd"?');
    assert.match(text.detail, /• \(no tag name\) \(version 1\)/);
  });
});

describe('revert plan', () => {
  it('refuses a version that is gone and a template without tags', () => {
    assert.match(String(planRevert(local, sequoia, 7)), /version 7 is no longer in template/);
    assert.match(String(planRevert(local, template('e', []), 'newest')), /has no tags/);
  });

  it('names the target by tag, or by number when it has no tag name', () => {
    assert.deepEqual(plan(local, sequoia, 'newest').selector, { tag: 'java17' });
    assert.deepEqual(plan(local, template('odd', ['a', '']), 1).selector, { version: 1 });
  });
});

describe('delete confirmation', () => {
  it('names the template, its tags, its size and the registry', () => {
    const text = deleteConfirmation([{ registry: local, template: sequoia }]);
    assert.equal(text.message, 'Delete template "sequoia" from registry "Local"?');
    assert.equal(text.button, 'Delete Template');
    assert.equal(text.detail, [
      'Registry: Local (http://127.0.0.1:8089)',
      'Template: sequoia (sequoia-id)',
      'Contents: 3 tags (java17, ssh, suspended), 26.3 GiB stored',
      '',
      'The template and every one of its tags are deleted. This cannot be undone.',
    ].join('\n'));
  });

  it('lists several templates under their registries', () => {
    const text = deleteConfirmation([
      { registry: local, template: sequoia },
      { registry: ci, template: template('plain', ['only'], 5 * GIB) },
      { registry: local, template: template('12.4', ['a', 'b'], 2 * GIB) },
    ]);
    assert.equal(text.message, 'Delete 3 templates?');
    assert.equal(text.button, 'Delete 3 Templates');
    assert.ok(text.detail.includes([
      'Registry: Local (http://127.0.0.1:8089)',
      '  • sequoia: 3 tags (java17, ssh, suspended), 26.3 GiB stored',
      '  • 12.4: 2 tags (b, a), 2.0 GiB stored',
      '',
      'Registry: CI (https://ci.example:8089)',
      '  • plain: 1 tag (only), 5.0 GiB stored',
    ].join('\n')), text.detail);
  });

  it('still names a template whose tags could not be read', () => {
    const text = deleteConfirmation([
      { registry: local, template: template('broken', [], GIB), unreadable: 'HTTP 500' },
    ]);
    assert.match(text.detail, /Contents: its tags could not be read \(HTTP 500\); 1\.0 GiB stored/);
  });
});
