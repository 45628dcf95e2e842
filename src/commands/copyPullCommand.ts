import * as l10n from '@vscode/l10n';
import { asTreeNode } from './context';
import type { Choice, ManageContext } from './manageContext';
import { nodesOfKind } from './selection';
import { tagChoice, templateOfClicked } from './targets';

/** Leaves words the shell keeps as they are; quotes the rest in single quotes. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) {
    return word;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `anka registry -r <url> pull [-t <tag>] <template>`; without a tag the newest is pulled. */
export function pullCommandLine(registryUrl: string, template: string, tag?: string): string {
  const tagWords = tag ? ['-t', tag] : [];
  return ['anka', 'registry', '-r', registryUrl, 'pull', ...tagWords, template]
    .map(shellQuote)
    .join(' ');
}

/** Copies the `anka registry pull` line for a tag, or for a template's newest tag. */
export async function copyPullCommand(context: ManageContext, ...args: unknown[]): Promise<void> {
  const clicked = asTreeNode(args[0]);
  if (clicked?.kind === 'tag') {
    const line = pullCommandLine(
      clicked.registry.entry.url,
      clicked.template.name,
      clicked.version.tag,
    );
    await copyLine(context, line);
    return;
  }
  if (clicked?.kind === 'template') {
    await copyLine(context, pullCommandLine(clicked.registry.entry.url, clicked.summary.name));
    return;
  }
  const title = l10n.t('Copy Pull Command');
  const template = await templateOfClicked(context, args[0], title);
  if (!template) {
    return;
  }
  const children = await context.model.getChildren(template);
  const newest: Choice<{ tag?: string }> = {
    label: l10n.t('Newest tag'),
    description: l10n.t('without -t'),
    detail: l10n.t('Pulls whichever tag is the newest when the command runs'),
    value: {},
  };
  const tags = nodesOfKind(children, 'tag').map((node) => ({
    ...tagChoice(node),
    value: { tag: node.version.tag },
  }));
  const picked = await context.ui.pick(
    [newest, ...tags],
    title,
    l10n.t('Choose the tag of {0} to pull', template.summary.name),
  );
  if (picked) {
    const line = pullCommandLine(template.registry.entry.url, template.summary.name, picked.tag);
    await copyLine(context, line);
  }
}

function copyLine(context: ManageContext, line: string): Promise<void> {
  return context.ui.copy(line, l10n.t('Copied the pull command: {0}', line));
}
