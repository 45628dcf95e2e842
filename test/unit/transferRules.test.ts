// The decisions behind push and pull: tag and name validation, disk space, push targets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LocalVm } from '../../src/cli';
import {
  ownTarget, spaceVerdict, validateDescription, validateNewName, validateTag,
} from '../../src/commands/transferRules';
import type { TemplateSummary } from '../../src/registry';

const GIB = 1024 ** 3;

function template(id: string, name: string): TemplateSummary {
  return { id, name, size: undefined, raw: {} };
}

function vm(name: string, uuid?: string): LocalVm {
  return { name, uuid, status: 'stopped', tag: undefined };
}

describe('tags', () => {
  it('accepts the tags registries use', () => {
    for (const tag of ['vanilla', 'vanilla+port-forward-22+brew-git', 'nightly_2026.12.03', 'v1']) {
      assert.equal(validateTag(tag, []), undefined, tag);
    }
  });

  it('refuses empty, spaced, option-like, too long and existing tags', () => {
    assert.match(validateTag('  ', []) ?? '', /required/);
    assert.match(validateTag('my tag', []) ?? '', /no spaces/);
    assert.match(validateTag('-s', []) ?? '', /not at the start/);
    assert.match(validateTag('a/b', []) ?? '', /Use letters/);
    assert.match(validateTag('x'.repeat(129), []) ?? '', /at most 128/);
    assert.match(validateTag('java17', ['ssh', 'java17']) ?? '', /already exists/);
  });

  it('checks descriptions and new names', () => {
    assert.equal(validateDescription(''), undefined);
    assert.equal(validateDescription('Xcode 16.2 with iOS 18.2'), undefined);
    assert.match(validateDescription('-d') ?? '', /cannot start/);
    assert.match(validateDescription('a\nb') ?? '', /one line/);
    const templates = [template('t1', 'sequoia')];
    assert.equal(validateNewName('sequoia-2', templates, [vm('sequoia')]), undefined);
    assert.match(validateNewName('sequoia', templates, []) ?? '', /registry already has/);
    assert.match(validateNewName('local', templates, [vm('local')]) ?? '', /exists on this Mac/);
    assert.match(validateNewName('a/b', templates, []) ?? '', /without "\/"/);
  });
});

describe('disk space', () => {
  it('is unknown without an answer and already local for {} or a fully cached tag', () => {
    assert.deepEqual(spaceVerdict(undefined, 10), { kind: 'unknown' });
    assert.deepEqual(spaceVerdict({ alreadyLocal: true }, 10), { kind: 'alreadyLocal' });
    const cached = { alreadyLocal: false as const, size: GIB, cached: GIB, available: 0 };
    assert.deepEqual(spaceVerdict(cached, 0), { kind: 'alreadyLocal' });
  });

  it("compares what is left to download with the CLI's free space, else the disk's", () => {
    const size = {
      alreadyLocal: false as const,
      size: 20 * GIB,
      cached: 5 * GIB,
      available: 10 * GIB,
    };
    const needed = 15 * GIB;
    assert.deepEqual(spaceVerdict(size, 100 * GIB), { kind: 'tooBig', needed, free: 10 * GIB });
    const fallback = { ...size, available: undefined };
    assert.deepEqual(spaceVerdict(fallback, 100 * GIB), { kind: 'fits', needed, free: 100 * GIB });
    assert.deepEqual(spaceVerdict(fallback, undefined), { kind: 'fits', needed, free: undefined });
  });
});

describe('push targets', () => {
  const templates = [template('id-a', 'sequoia'), template('id-b', 'sonoma')];

  it('a VM that came from a template goes on as its next tag', () => {
    assert.deepEqual(ownTarget(vm('anything', 'id-b'), templates), {
      kind: 'ownTemplate',
      template: templates[1],
    });
  });

  it('a new VM becomes a new template of its name', () => {
    const target = ownTarget(vm('runner', 'id-z'), templates);
    assert.deepEqual(target, { kind: 'newTemplate', name: 'runner' });
  });

  it('a VM named like a template with another id is a conflict', () => {
    assert.deepEqual(ownTarget(vm('sequoia', 'id-z'), templates), {
      kind: 'nameTaken',
      template: templates[0],
    });
  });
});
