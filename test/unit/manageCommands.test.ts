import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { copyPullCommand } from '../../src/commands/copyPullCommand';
import { copyTagName } from '../../src/commands/copyTagName';
import { copyTemplateId } from '../../src/commands/copyTemplateId';
import { deleteTemplate } from '../../src/commands/deleteTemplate';
import { revert } from '../../src/commands/revert';
import { revertLatest } from '../../src/commands/revertLatest';
import { setArch } from '../../src/commands/setArch';
import { startLocalRegistry, type LocalRegistry } from '../registry/server';
import {
  harness, ODD_ID, oddSeed, PLAIN_ID, tagNode, tagNodes, templateNode, type Harness,
} from './manageFixtures';

let registry: LocalRegistry;
let h: Harness;

before(async () => {
  registry = await startLocalRegistry({ seed: oddSeed() });
});

after(async () => {
  h?.model.dispose();
  await registry.close();
});

beforeEach(() => {
  registry.reset();
  registry.clearFaults();
  registry.clearRequests();
  h?.model.dispose();
  h = harness([{ name: 'Local', url: registry.url }]);
});

function changes() {
  return registry.requests.filter((request) => request.method !== 'GET');
}

function bothTemplates() {
  return Promise.all([templateNode(h.model, 'plain'), templateNode(h.model, 'xcode 16 beta')]);
}

function tagsOf(id: string): string[] {
  return (registry.template(id)?.versions ?? []).map((version) => version.tag);
}

describe('Revert Tag', () => {
  it('reverts a tag with + and spaces by name in the JSON body, after a confirmation', async () => {
    const clicked = await tagNode(h.model, 'xcode 16 beta', 'with space');
    await revert(h.context, clicked);

    const [request, ...others] = changes();
    assert.equal(others.length, 0);
    assert.equal(request?.path, '/registry/revert');
    assert.equal(request?.query.id, ODD_ID);
    assert.deepEqual(JSON.parse(request?.body ?? ''), { tag: 'with space' });
    assert.deepEqual(tagsOf(ODD_ID), ['base', 'brew+git']);
    const [confirmation] = h.ui.record.confirmations;
    assert.equal(confirmation?.button, 'Revert 2 Tags');
    assert.match(confirmation?.detail ?? '', /• it's\+new 2 \(version 3\)\n {2}• with space/);
    assert.deepEqual(h.ui.record.errors, []);
    assert.match(h.ui.record.infos[0] ?? '', /^Reverted 2 tags of "xcode 16 beta" on "Local" /);
    assert.deepEqual(h.ui.record.progress.map((p) => p.place), ['view', 'view']);
  });

  it('changes nothing when the confirmation is cancelled', async () => {
    h.ui.confirmAnswer = false;
    const before = registry.templates();
    await revert(h.context, await tagNode(h.model, 'xcode 16 beta', 'brew+git'));
    assert.deepEqual(changes(), []);
    assert.deepEqual(registry.templates(), before);
    assert.deepEqual(h.ui.record.infos, []);
  });

  it('reverts the oldest of several selected tags, and lists exactly what goes', async () => {
    const tags = await tagNodes(h.model, 'xcode 16 beta');
    const selected = tags.filter((tag) => ['brew+git', "it's+new 2"].includes(tag.version.tag));
    await revert(h.context, selected[0], selected);
    assert.equal(changes().length, 1);
    assert.deepEqual(JSON.parse(changes()[0]?.body ?? ''), { tag: 'brew+git' });
    assert.equal(h.ui.record.confirmations[0]?.button, 'Revert 3 Tags');
    assert.deepEqual(tagsOf(ODD_ID), ['base']);
  });

  it('acts on the clicked tag alone when it is outside the selection', async () => {
    const tags = await tagNodes(h.model, 'xcode 16 beta');
    const base = tags.find((tag) => tag.version.tag === 'base');
    const newest = tags.find((tag) => tag.isNewest);
    h.select(tags.filter((tag) => tag !== newest));
    await revert(h.context, newest);
    assert.equal(h.ui.record.confirmations[0]?.button, 'Revert 1 Tag');
    assert.ok(base);
    assert.deepEqual(tagsOf(ODD_ID), ['base', 'brew+git', 'with space']);
  });

  it('reverting version 0 removes the template, and the tree hides it', async () => {
    await revert(h.context, await tagNode(h.model, 'plain', 'only'));
    assert.equal(registry.template(PLAIN_ID), undefined);
    assert.match(h.ui.record.infos[0] ?? '', /the template is removed/);
    const names = (await h.model.getChildren((await h.model.getChildren())[0]))
      .map((node) => (node.kind === 'template' ? node.summary.name : node.kind));
    assert.deepEqual(names, ['xcode 16 beta']);
  });

  it('asks for registry, template and tag from the palette', async () => {
    h.model.dispose();
    h = harness([
      { name: 'Local', url: registry.url },
      { name: 'Again', url: `${registry.url}/` },
    ]);
    h.ui.answers = ['Again', 'xcode 16 beta', 'brew+git'];
    await revert(h.context);
    const picks = h.ui.record.picks;
    assert.deepEqual(picks.map((pick) => pick.placeHolder), [
      'Choose a registry',
      'Choose a template of Again',
      'Choose a tag of xcode 16 beta',
    ]);
    assert.deepEqual(picks[2]?.labels, ["it's+new 2", 'with space', 'brew+git', 'base']);
    assert.deepEqual(picks[2]?.descriptions, ['#3 · newest', '#2', '#1', '#0']);
    assert.deepEqual(tagsOf(ODD_ID), ['base']);
  });

  it('stops quietly when a quick pick is dismissed', async () => {
    h.ui.answers = ['xcode 16 beta', undefined];
    await revert(h.context);
    assert.deepEqual(changes(), []);
    assert.deepEqual(h.ui.record.confirmations, []);
    assert.deepEqual(h.ui.record.errors, []);
  });

  it('reports when the registry answers OK but reverted something else', async () => {
    // A registry (or a proxy) that answers OK without doing what was asked.
    registry.setFaults([{ method: 'DELETE', path: '/registry/revert', kind: 'text', status: 200,
      body: '{"status":"OK","body":null,"message":""}' }]);
    await revert(h.context, await tagNode(h.model, 'xcode 16 beta', 'brew+git'));
    assert.match(h.ui.record.errors[0] ?? '', /answered OK, but the template still has/);
  });
});

describe('Revert Latest Tag', () => {
  it('reverts the newest tag, named in the request', async () => {
    await revertLatest(h.context, await templateNode(h.model, 'xcode 16 beta'));
    assert.deepEqual(JSON.parse(changes()[0]?.body ?? ''), { tag: "it's+new 2" });
    assert.equal(
      h.ui.record.confirmations[0]?.message,
      'Revert tag "it\'s+new 2" of template "xcode 16 beta"?',
    );
    assert.deepEqual(tagsOf(ODD_ID), ['base', 'brew+git', 'with space']);
  });
});

describe('Set Arch', () => {
  it('offers both arches with the current one marked and sends the new one', async () => {
    h.ui.answers = ['amd64'];
    await setArch(h.context, await templateNode(h.model, 'xcode 16 beta'));
    const [pick] = h.ui.record.picks;
    assert.deepEqual(pick?.labels, ['arm64', 'amd64']);
    assert.deepEqual(pick?.descriptions, ['current', '']);
    assert.equal(pick?.title, 'Set Arch of "xcode 16 beta"');
    const [request] = changes();
    assert.equal(request?.method, 'PUT');
    assert.equal(request?.path, '/registry/vm/arch');
    assert.deepEqual(JSON.parse(request?.body ?? ''), { id: ODD_ID, arch: 'amd64' });
    assert.equal(registry.template(ODD_ID)?.arch, 'amd64');
    assert.match(h.ui.record.infos[0] ?? '', /to amd64 \(was arm64\)\.$/);
  });

  it('sends nothing when the arch is already the chosen one', async () => {
    h.ui.answers = ['arm64'];
    await setArch(h.context, await templateNode(h.model, 'xcode 16 beta'));
    assert.deepEqual(changes(), []);
    assert.match(h.ui.record.infos[0] ?? '', /already arm64; nothing was changed/);
  });

  it('sets several selected templates, counting the current arch', async () => {
    const nodes = await bothTemplates();
    h.ui.answers = ['arm64'];
    await setArch(h.context, nodes[0], nodes);
    const both = 'current for 1 of 2';
    assert.deepEqual(h.ui.record.picks[0]?.descriptions, [both, both]);
    assert.equal(changes().length, 1);
    assert.equal(registry.template(PLAIN_ID)?.arch, 'arm64');
  });

  it('says which permission is missing on 403 and hides the action for that registry', async () => {
    registry.setFaults([{ method: 'PUT', path: '/registry/vm/arch', kind: 'status', status: 403,
      message: 'Forbidden' }]);
    h.ui.answers = ['amd64'];
    const node = await templateNode(h.model, 'xcode 16 beta');
    await setArch(h.context, node);
    const refused = 'Setting the arch of "xcode 16 beta" to amd64 on registry "Local" was refused';
    assert.ok(h.ui.record.errors[0]?.startsWith(`${refused} (HTTP 403).`), h.ui.record.errors[0]);
    assert.match(h.ui.record.errors[0] ?? '', /lack the "set_arch" permission/);
    assert.deepEqual([...h.model.deniedPermissions(node.registry)], ['set_arch']);
    h.model.refresh(node.registry);
    assert.deepEqual([...h.model.deniedPermissions(node.registry)], []);
  });
});

describe('Delete Template', () => {
  it('confirms with tag count and size, deletes by id and hides the template', async () => {
    const node = await templateNode(h.model, 'xcode 16 beta');
    await deleteTemplate(h.context, node);
    const [request] = changes();
    assert.equal(request?.method, 'DELETE');
    assert.equal(request?.path, '/registry/vm');
    assert.equal(request?.rawQuery, `id=${ODD_ID}`);
    assert.match(h.ui.record.confirmations[0]?.detail ?? '', /Contents: 4 tags \(it's\+new 2, /);
    assert.equal(registry.template(ODD_ID), undefined);
    assert.match(h.ui.record.infos[0] ?? '', /^Deleted template "xcode 16 beta" with 4 tags/);
  });

  it('deletes several templates with a cancellable notification', async () => {
    const nodes = await bothTemplates();
    await deleteTemplate(h.context, nodes[1], nodes);
    assert.equal(h.ui.record.confirmations[0]?.button, 'Delete 2 Templates');
    assert.deepEqual(registry.templates(), []);
    assert.ok(h.ui.record.progress.some((p) => p.place === 'notification'));
  });

  it('starts nothing more once cancelled', async () => {
    h.ui.cancelProgress = true;
    const nodes = await bothTemplates();
    await deleteTemplate(h.context, nodes[1], nodes);
    assert.deepEqual(changes(), []);
    assert.match(h.ui.record.infos[0] ?? '', /Cancelled; nothing was changed\. Cancelled before 2/);
  });

  it('reports a failure with the registry\'s reason and keeps the template', async () => {
    registry.setFaults([{ method: 'DELETE', path: '/registry/vm', kind: 'html', status: 502 }]);
    await deleteTemplate(h.context, await templateNode(h.model, 'plain'));
    assert.match(
      h.ui.record.errors[0] ?? '',
      /^Deleting template "plain" on registry "Local" failed: HTTP 502/,
    );
    assert.ok(registry.template(PLAIN_ID));
    const names = (await h.model.getChildren((await h.model.getChildren())[0]))
      .map((node) => (node.kind === 'template' ? node.summary.name : node.kind));
    assert.ok(names.includes('plain'));
  });
});

describe('Copy commands', () => {
  it('copies the template id, the tag name and pull commands', async () => {
    const template = await templateNode(h.model, 'xcode 16 beta');
    const tag = await tagNode(h.model, 'xcode 16 beta', "it's+new 2");
    await copyTemplateId(h.context, template);
    await copyTagName(h.context, tag);
    await copyPullCommand(h.context, tag);
    await copyPullCommand(h.context, template);
    assert.deepEqual(h.ui.record.copied, [
      ODD_ID,
      "it's+new 2",
      `anka registry -r ${registry.url} pull -t 'it'\\''s+new 2' 'xcode 16 beta'`,
      `anka registry -r ${registry.url} pull 'xcode 16 beta'`,
    ]);
  });

  it('copies the clicked row only, also with several selected', async () => {
    const tags = await tagNodes(h.model, 'xcode 16 beta');
    await copyTagName(h.context, tags[1], tags);
    assert.deepEqual(h.ui.record.copied, ['with space']);
  });

  it('asks from the palette, offering the newest tag without -t', async () => {
    h.ui.answers = ['plain', 'Newest tag'];
    await copyPullCommand(h.context);
    assert.deepEqual(h.ui.record.picks[1]?.labels, ['Newest tag', 'only']);
    assert.deepEqual(h.ui.record.copied, [`anka registry -r ${registry.url} pull plain`]);
  });

  it('says so when no registry is configured', async () => {
    h.model.setRegistries([]);
    await copyTemplateId(h.context);
    await revert(h.context, 'not a node');
    assert.equal(h.ui.record.infos.length, 2);
    assert.match(h.ui.record.infos[0] ?? '', /No Anka Registry is configured/);
  });
});
