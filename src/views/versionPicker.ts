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
    void vscode.window.showInformationMessage(vscode.l10n.t({
      message: 'The template "{0}" has no other tag to compare "{1}" with.',
      args: [template.name, tagLabel(exclude)],
      comment: ['{0} is a template, {1} a tag'],
    }));
    return undefined;
  }
  const newest = Math.max(...template.versions.map((version) => version.number));
  const picked = await vscode.window.showQuickPick(
    others.map((version) => ({
      label: tagLabel(version),
      description: version.number === newest
        ? `#${version.number} · ${vscode.l10n.t({
          message: 'newest',
          comment: ['Marks the newest tag of a template'],
        })}`
        : `#${version.number}`,
      detail: version.description || undefined,
      version,
    })),
    {
      title,
      placeHolder: vscode.l10n.t({
        message: 'Compare "{0}" with which tag of {1}?',
        args: [tagLabel(exclude), template.name],
        comment: ['{0} is a tag, {1} its template'],
      }),
    },
  );
  return picked?.version;
}
