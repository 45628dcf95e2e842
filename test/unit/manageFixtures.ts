// A scripted UI and a tree model on a local registry, for the template commands' unit tests.
import { RegistryClient } from '../../src/registry';
import type {
  Choice, Confirmation, ManageContext, ManageUi, ProgressPlace,
} from '../../src/commands/manageContext';
import type { RegistryNode, TagNode, TemplateNode, TreeNode } from '../../src/tree/nodes';
import { RegistryTreeModel } from '../../src/tree/registryTreeModel';
import type { SeedTemplate } from '../registry/server';
import { chainTemplate } from '../registry/seedBuilders';

/** What the scripted user saw, in order. */
export interface UiRecord {
  picks: Array<{ title: string; placeHolder: string; labels: string[]; descriptions: string[] }>;
  confirmations: Confirmation[];
  progress: Array<{ place: ProgressPlace; title: string }>;
  infos: string[];
  errors: string[];
  copied: string[];
}

/**
 * Answers quick picks with the labels queued in `answers` (undefined: Escape) and the
 * confirmation with `confirm`; `cancelProgress` cancels notifications right away.
 */
export class ScriptedUi implements ManageUi {
  readonly record: UiRecord = {
    picks: [], confirmations: [], progress: [], infos: [], errors: [], copied: [],
  };
  answers: Array<string | undefined> = [];
  confirmAnswer = true;
  cancelProgress = false;

  async pick<T>(choices: Choice<T>[], title: string, placeHolder: string): Promise<T | undefined> {
    this.record.picks.push({
      title,
      placeHolder,
      labels: choices.map((choice) => choice.label),
      descriptions: choices.map((choice) => choice.description ?? ''),
    });
    if (this.answers.length === 0) {
      throw new Error(`unexpected quick pick "${title}": ${placeHolder}`);
    }
    const label = this.answers.shift();
    if (label === undefined) {
      return undefined;
    }
    const choice = choices.find((item) => item.label === label);
    if (!choice) {
      throw new Error(`no choice "${label}" in ${choices.map((item) => item.label).join(', ')}`);
    }
    return choice.value;
  }

  async confirm(confirmation: Confirmation): Promise<boolean> {
    this.record.confirmations.push(confirmation);
    return this.confirmAnswer;
  }

  async progress<T>(
    place: ProgressPlace,
    title: string,
    task: (report: { signal: AbortSignal; step(): void }) => Promise<T>,
  ): Promise<T> {
    this.record.progress.push({ place, title });
    const controller = new AbortController();
    if (this.cancelProgress && place === 'notification') {
      controller.abort();
    }
    return task({ signal: controller.signal, step: () => undefined });
  }

  info(message: string): void {
    this.record.infos.push(message);
  }

  error(message: string): void {
    this.record.errors.push(message);
  }

  async copy(text: string): Promise<void> {
    this.record.copied.push(text);
  }
}

export interface Harness {
  model: RegistryTreeModel;
  ui: ScriptedUi;
  context: ManageContext;
  logged: string[];
  /** Sets the rows the tree has selected. */
  select(nodes: TreeNode[]): void;
}

export function harness(registries: Array<{ name: string; url: string }>): Harness {
  const model = new RegistryTreeModel({
    createClient: (entry) =>
      new RegistryClient({ name: entry.name, url: entry.url, timeoutMs: 5000 }),
    prefetchLimit: 0,
  });
  model.setRegistries(registries);
  const ui = new ScriptedUi();
  const logged: string[] = [];
  let selection: TreeNode[] = [];
  const log = {
    info: (line: string) => logged.push(`info ${line}`),
    warn: (line: string) => logged.push(`warn ${line}`),
    error: (line: string) => logged.push(`error ${line}`),
  };
  const context: ManageContext = { model, ui, log, selection: () => selection };
  return {
    model,
    ui,
    context,
    logged,
    select: (nodes) => {
      selection = nodes;
    },
  };
}

export async function registryNode(model: RegistryTreeModel, index = 0): Promise<RegistryNode> {
  const roots = await model.getChildren();
  const node = roots[index];
  if (node?.kind !== 'registry') {
    throw new Error(`no registry at ${index}`);
  }
  return node;
}

export async function templateNode(
  model: RegistryTreeModel,
  name: string,
  registryIndex = 0,
): Promise<TemplateNode> {
  const children = await model.getChildren(await registryNode(model, registryIndex));
  const node = children.find((child) => child.kind === 'template' && child.summary.name === name);
  if (node?.kind !== 'template') {
    throw new Error(`no template ${name}`);
  }
  return node;
}

export async function tagNodes(model: RegistryTreeModel, template: string): Promise<TagNode[]> {
  const children = await model.getChildren(await templateNode(model, template));
  return children.filter((child): child is TagNode => child.kind === 'tag');
}

export async function tagNode(
  model: RegistryTreeModel,
  template: string,
  tag: string,
): Promise<TagNode> {
  const node = (await tagNodes(model, template)).find((child) => child.version.tag === tag);
  if (!node) {
    throw new Error(`no tag ${tag} in ${template}`);
  }
  return node;
}

export const ODD_ID = '6f1c2a9e-1111-4c4c-9a9a-0123456789ab';
export const PLAIN_ID = '7a2d3b8f-2222-4d4d-8b8b-0123456789cd';

/** Tags with `+`, spaces and quotes, and a template with a space in its name. */
export function oddSeed(): SeedTemplate[] {
  return [
    chainTemplate({ id: ODD_ID, name: 'xcode 16 beta', arch: 'arm64' }, [
      { tag: 'base', layerGiB: 10, created: 1_760_000_000 },
      { tag: 'brew+git', layerGiB: 1, created: 1_760_100_000 },
      { tag: 'with space', layerGiB: 1, created: 1_760_200_000 },
      { tag: "it's+new 2", layerGiB: 1, created: 1_760_300_000 },
    ]),
    chainTemplate({ id: PLAIN_ID, name: 'plain', arch: 'amd64' }, [
      { tag: 'only', layerGiB: 5, created: 1_760_000_000 },
    ]),
  ];
}
