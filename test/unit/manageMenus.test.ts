import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const ROOT = path.join(__dirname, '..', '..', '..');
const nls = JSON.parse(readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<
  string,
  string
>;

/** A manifest string as VS Code shows it in English: `%key%` is read from package.nls.json. */
function english(value: string | undefined): string | undefined {
  const key = /^%(.+)%$/.exec(value ?? '')?.[1];
  return key === undefined ? value : nls[key];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    commands: Array<{ command: string; title: string; category?: string; icon?: string }>;
    menus: Record<string, MenuEntry[]>;
  };
};

const TEMPLATE_COMMANDS = [
  'revert', 'revertLatest', 'setArch', 'deleteTemplate',
  'copyTemplateId', 'copyTagName', 'copyPullCommand',
].map((name) => `ankaRegistry.${name}`);
const DESTRUCTIVE = ['revert', 'revertLatest', 'deleteTemplate'].map(
  (name) => `ankaRegistry.${name}`,
);

/** Evaluates the few when-clause forms the manifest uses, for one row of the Registries view. */
function shows(entry: MenuEntry, viewItem: string): boolean {
  return (entry.when ?? 'true').split('&&').every((raw) => {
    const clause = raw.trim();
    const regex = /^viewItem =~ \/(.*)\/$/.exec(clause);
    if (regex) {
      return new RegExp(regex[1] ?? '').test(viewItem);
    }
    const equals = /^(view|viewItem) == (.*)$/.exec(clause);
    if (equals) {
      const expected = equals[1] === 'view' ? 'ankaRegistry.registries' : viewItem;
      return equals[2] === expected;
    }
    throw new Error(`unknown clause ${clause}`);
  });
}

function menuFor(viewItem: string): MenuEntry[] {
  return (manifest.contributes.menus['view/item/context'] ?? []).filter((e) => shows(e, viewItem));
}

const ROWS = [
  'registry', 'template', 'tag', 'tag newest', 'tag newest suspended', 'error', 'message',
];

describe('template commands in package.json', () => {
  it('declares each command with the category and a codicon', () => {
    for (const id of TEMPLATE_COMMANDS) {
      const command = manifest.contributes.commands.find((item) => item.command === id);
      assert.ok(command, `${id} is declared`);
      assert.equal(english(command.category), 'Anka Registry');
      assert.match(command.icon ?? '', /^\$\([a-z-]+\)$/);
    }
  });

  it('puts at most three inline actions on any row', () => {
    for (const row of ROWS) {
      const inline = menuFor(row).filter((entry) => entry.group?.startsWith('inline'));
      assert.ok(inline.length <= 3, `${row}: ${inline.map((entry) => entry.command).join(', ')}`);
    }
  });

  it('shows each action only where it applies', () => {
    const on = (row: string) => new Set(menuFor(row).map((entry) => entry.command));
    assert.ok(on('tag newest').has('ankaRegistry.revert'));
    assert.ok(!on('tag').has('ankaRegistry.deleteTemplate'));
    assert.ok(on('template').has('ankaRegistry.setArch'));
    assert.ok(!on('template').has('ankaRegistry.revert'));
    for (const id of TEMPLATE_COMMANDS) {
      assert.ok(!on('registry').has(id) && !on('error').has(id), id);
    }
  });

  it('groups destructive actions last and apart', () => {
    for (const row of ['template', 'tag newest']) {
      const menu = menuFor(row).filter((entry) => !entry.group?.startsWith('inline'));
      const groupOf = (entry: MenuEntry): string => (entry.group ?? '').split('@')[0] ?? '';
      const lastGroup = [...new Set(menu.map(groupOf))].sort().pop();
      const destructive = menu.filter((entry) => DESTRUCTIVE.includes(entry.command));
      assert.ok(destructive.length > 0, row);
      for (const entry of destructive) {
        assert.equal(groupOf(entry), lastGroup, `${row}: ${entry.command}`);
      }
      const last = menu.filter((entry) => groupOf(entry) === lastGroup);
      const onlyDestructive = last.every((entry) => DESTRUCTIVE.includes(entry.command));
      assert.ok(onlyDestructive, `${row}: the last group holds destructive actions only`);
    }
  });

  it('hides an action on rows of a registry that refused its permission', () => {
    const on = (row: string) => new Set(menuFor(row).map((entry) => entry.command));
    assert.ok(!on('tag deny-delete_revert').has('ankaRegistry.revert'));
    assert.ok(!on('template deny-delete_revert').has('ankaRegistry.deleteTemplate'));
    assert.ok(on('template deny-delete_revert').has('ankaRegistry.setArch'));
    assert.ok(!on('template deny-delete_revert deny-set_arch').has('ankaRegistry.setArch'));
    assert.ok(on('template deny-set_arch').has('ankaRegistry.revertLatest'));
  });
});
