import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { revertTargets } from '../../src/commands/revertPlan';
import { nodesOfKind, resolveSelection } from '../../src/commands/selection';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import type { Template } from '../../src/registry';

const registry: RegistryNode = {
  kind: 'registry',
  id: 'r',
  entry: { name: 'Local', url: 'http://127.0.0.1:1' },
};

function templateNode(id: string): TemplateNode {
  return { kind: 'template', id: `r/${id}`, registry, summary: { id, name: id, size: 1, raw: {} } };
}

function tag(templateId: string, number: number, on = registry): TagNode {
  const template = { id: templateId, name: templateId, versions: [] } as unknown as Template;
  return {
    kind: 'tag',
    id: `${on.id}/${templateId}/${number}`,
    registry: on,
    template,
    version: { number, tag: `t${number}` } as TagNode['version'],
    isNewest: false,
  };
}

const [a, b, c] = [tag('x', 0), tag('x', 1), tag('x', 2)];

describe('multi-select resolution', () => {
  it('acts on the selection VS Code passes when the clicked row is in it', () => {
    assert.deepEqual(resolveSelection(b, [a, b]), [a, b]);
  });

  it('acts on the clicked row alone when it is outside the selection', () => {
    assert.deepEqual(resolveSelection(c, [a, b]), [c]);
    assert.deepEqual(resolveSelection(c, undefined, [a, b]), [c]);
  });

  it('falls back to the view selection when VS Code passes none', () => {
    assert.deepEqual(resolveSelection(b, undefined, [a, b]), [a, b]);
    assert.deepEqual(resolveSelection(a, undefined, []), [a]);
  });

  it('matches the clicked row by id and drops duplicates and non-nodes', () => {
    const copyOfB = { ...b };
    assert.deepEqual(resolveSelection(copyOfB, [a, b, b, 'x', null]), [a, b]);
  });

  it('gives nothing from the palette or for anything that is not a row', () => {
    assert.deepEqual(resolveSelection(undefined, undefined, [a]), []);
    assert.deepEqual(resolveSelection({ kind: 'nope' }, [a]), []);
    assert.deepEqual(resolveSelection('text', [a]), []);
  });

  it('keeps the kinds a command works on', () => {
    const mixed: TreeNode[] = [templateNode('x'), a, registry];
    assert.deepEqual(nodesOfKind(mixed, 'tag'), [a]);
    assert.deepEqual(nodesOfKind(mixed, 'template', 'registry').length, 2);
  });
});

describe('revert targets of selected tags', () => {
  it('reverts each template from its oldest selected tag', () => {
    const other: RegistryNode = { ...registry, id: 'r2' };
    const targets = revertTargets([c, a, tag('y', 3), tag('y', 2), tag('x', 1, other)]);
    assert.deepEqual(
      targets.map((target) => [target.registry.id, target.templateId, target.fromVersion]),
      [['r', 'x', 0], ['r', 'y', 2], ['r2', 'x', 1]],
    );
  });
});
