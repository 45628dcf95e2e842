import type { RegistryError } from '../registry';
import type { Template, TemplateSummary, TemplateVersion } from '../registry/models';

/** A registry as configured by the user. */
export interface RegistryEntry {
  name: string;
  url: string;
}

export interface RegistryNode {
  kind: 'registry';
  /** Unique in the tree, also when the same registry is configured twice. */
  id: string;
  entry: RegistryEntry;
}

export interface TemplateNode {
  kind: 'template';
  id: string;
  registry: RegistryNode;
  summary: TemplateSummary;
}

export interface TagNode {
  kind: 'tag';
  id: string;
  registry: RegistryNode;
  template: Template;
  version: TemplateVersion;
  isNewest: boolean;
}

/** A failed load, shown under the node whose children could not be loaded. */
export interface ErrorNode {
  kind: 'error';
  id: string;
  parent: RegistryNode | TemplateNode;
  /** What could not be loaded, for the label: "templates", "tags". */
  what: string;
  error: RegistryError | Error;
}

/** A plain line such as "No templates in this registry". */
export interface MessageNode {
  kind: 'message';
  id: string;
  text: string;
}

export type TreeNode = RegistryNode | TemplateNode | TagNode | ErrorNode | MessageNode;
