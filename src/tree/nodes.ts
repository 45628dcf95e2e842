import type { RegistryError } from '../registry';
import type { ConnectionSettings } from '../registry/auth';
import type { Template, TemplateSummary, TemplateVersion } from '../registry/models';

/** A registry as configured by the user; how to connect and sign in comes with it. */
export interface RegistryEntry extends ConnectionSettings {
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

/** "Show all 200 tags": stands for the rows a long list leaves out until it is clicked. */
export interface MoreNode {
  kind: 'more';
  id: string;
  /** A registry whose templates, or a template whose tags, are paged. */
  parent: RegistryNode | TemplateNode;
  /** Rows shown before this one. */
  shown: number;
  /** Every row of the list, shown and left out. */
  total: number;
}

export type TreeNode =
  | RegistryNode | TemplateNode | TagNode | ErrorNode | MessageNode | MoreNode;
