// Templates, tags and nodes for the big-registry tests (filter, sort, paging, overview).
import type { Template, TemplateSummary, TemplateVersion } from '../../src/registry/models';
import type { RegistryNode, TagNode, TemplateNode } from '../../src/tree/nodes';

export const DAY = 86_400;
/** 2026-12-01T00:00:00Z, in milliseconds. */
export const NOW = Date.UTC(2026, 11, 1);
export const NOW_SECONDS = NOW / 1000;

export const REGISTRY: RegistryNode = {
  kind: 'registry',
  id: 'registry:CI@http://127.0.0.1:1#0',
  entry: { name: 'CI', url: 'http://127.0.0.1:1' },
};

export interface TemplateSpec {
  id: string;
  name: string;
  size?: number;
  arch?: string;
  /** Days before NOW. */
  pulledDaysAgo?: number;
  pushedDaysAgo?: number;
  tags?: number;
}

export function version(number: number, fields: Partial<TemplateVersion> = {}): TemplateVersion {
  return {
    number,
    tag: `t${number}`,
    description: '',
    configFile: undefined,
    nvram: undefined,
    images: [],
    stateFiles: [],
    stateFile: undefined,
    size: 1,
    arch: undefined,
    creationDate: undefined,
    lastPull: undefined,
    lastPush: undefined,
    raw: {},
    ...fields,
  };
}

export function template(spec: TemplateSpec): Template {
  const ago = (days: number | undefined) =>
    days === undefined ? undefined : NOW_SECONDS - days * DAY;
  return {
    id: spec.id,
    name: spec.name,
    size: spec.size,
    arch: spec.arch,
    lastPull: ago(spec.pulledDaysAgo),
    lastPush: ago(spec.pushedDaysAgo),
    versions: Array.from({ length: spec.tags ?? 1 }, (_, index) => version(index)),
    raw: {},
  };
}

export function summary(spec: TemplateSpec): TemplateSummary {
  return { id: spec.id, name: spec.name, size: spec.size, raw: {} };
}

export function templateNode(spec: TemplateSpec, registry: RegistryNode = REGISTRY): TemplateNode {
  return {
    kind: 'template',
    id: `${registry.id}/template:${spec.id}`,
    registry,
    summary: summary(spec),
  };
}

export function tagNodes(node: TemplateNode, count: number): TagNode[] {
  const detail = template({ id: node.summary.id, name: node.summary.name, tags: count });
  return detail.versions.map((item) => ({
    kind: 'tag',
    id: `${node.id}/tag:${item.number}:${item.tag}`,
    registry: node.registry,
    template: detail,
    version: item,
    isNewest: item.number === count - 1,
  }));
}

/** A lookup of details by template node, from specs; templates not given have none loaded. */
export function detailsOf(
  specs: readonly TemplateSpec[],
): (node: TemplateNode) => Template | undefined {
  const byId = new Map(specs.map((spec) => [spec.id, template(spec)]));
  return (node) => byId.get(node.summary.id);
}
