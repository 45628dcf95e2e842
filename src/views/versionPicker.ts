import * as vscode from 'vscode';
import { tagLabel } from '../details/versions';
import type { Template, TemplateVersion } from '../registry/models';

/** Asks for another tag of the same template, newest first; undefined when cancelled. */
export async function pickOtherVersion(
  template: Template,
  exclude: TemplateVersion,
  title: string,
): Promise<TemplateVersion | undefined> {
  const others = template.versions
    .filter((version) => version.number !== exclude.number)
    .sort((a, b) => b.number - a.number);
  if (others.length === 0) {
    void vscode.window.showInformationMessage(
      `The template "${template.name}" has no other tag to compare "${tagLabel(exclude)}" with.`,
    );
    return undefined;
  }
  const newest = Math.max(...template.versions.map((version) => version.number));
  const picked = await vscode.window.showQuickPick(
    others.map((version) => ({
      label: tagLabel(version),
      description: `#${version.number}${version.number === newest ? ' · newest' : ''}`,
      detail: version.description || undefined,
      version,
    })),
    { title, placeHolder: `Compare "${tagLabel(exclude)}" with which tag of ${template.name}?` },
  );
  return picked?.version;
}
