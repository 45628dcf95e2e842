// The localisation checks of l10n.test.ts, tried on a file written to fail them.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as ts from 'typescript';
import { nlsKey, userFacingStrings } from './l10nManifest';
import { rawUiText, sourceProgram, translatedTooEarly, unreadableMessages } from './l10nSources';

const ROOT = path.resolve(__dirname, '..', '..', '..');

// Each line that a check must name ends in a marker comment; the others must pass.
const SAMPLE = `import * as vscode from 'vscode';
import * as l10n from '@vscode/l10n';

export const early = l10n.t('Too early'); // early

export function show(name: string): void {
  void vscode.window.showInformationMessage(\`Hello \${name}\`); // raw
  void vscode.window.showWarningMessage(vscode.l10n.t('Fine {0}', name), 'Raw Button'); // raw
  const item = vscode.window.createStatusBarItem();
  item.text = '$(sync~spin)';
  item.tooltip = 'Raw tooltip'; // raw
  item.text = \`$(cloud) \${name}\`;
  const location = vscode.ProgressLocation.Notification;
  void vscode.window.withProgress({ location, title: 'Raw title' }, async () => 1); // raw
  const fine = vscode.l10n.t('Fine');
  void vscode.window.showQuickPick([{ label: 'Raw label' }], { placeHolder: fine }); // raw
  void vscode.window.showInputBox({ prompt: name ? 'Raw prompt' : fine }); // raw
  const row = new vscode.TreeItem('Raw row'); // raw
  row.description = name;
  row.command = { command: 'x.y', title: 'Raw command' }; // raw
  row.accessibilityInformation = { label: vscode.l10n.t('Fine') };
  l10n.t('Split ' + name); // unreadable
  l10n.t({ message: 'No comment', args: [name] }); // unreadable
  l10n.t({ message: 'Fine {0}', args: [name], comment: ['a comment'] });
}
`;

function markedLines(marker: string): number[] {
  return SAMPLE.split('\n')
    .map((line, index) => (line.endsWith(`// ${marker}`) ? index + 1 : 0))
    .filter((line) => line > 0);
}

function linesOf(findings: ReadonlyArray<{ where: string }>): number[] {
  return [...new Set(findings.map((finding) => Number(finding.where.split(':').pop())))];
}

describe('the localisation checks', () => {
  let dir: string;
  let program: ts.Program;

  before(async () => {
    await mkdir(path.join(ROOT, 'out'), { recursive: true });
    dir = await mkdtemp(path.join(ROOT, 'out', 'l10n-sample-'));
    const file = path.join(dir, 'sample.ts');
    await writeFile(file, SAMPLE);
    program = sourceProgram(ROOT, [file]);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names each raw text shown in the UI, and only those', () => {
    assert.deepEqual(linesOf(rawUiText(program, ROOT)), markedLines('raw'));
  });

  it('names the l10n.t calls the export cannot read', () => {
    assert.deepEqual(linesOf(unreadableMessages(program, ROOT)), markedLines('unreadable'));
  });

  it('names the l10n.t calls made while the module loads', () => {
    assert.deepEqual(linesOf(translatedTooEarly(program, ROOT)), markedLines('early'));
  });

  it('finds raw and %key% strings in a manifest', () => {
    const manifest = {
      displayName: '%name%',
      contributes: {
        commands: [{ command: 'a.b', title: 'Raw', category: '%category%' }],
        configuration: {
          properties: {
            'a.list': {
              markdownDescription: '%list%',
              items: { properties: { url: { description: 'Raw URL' } } },
              enumDescriptions: ['%one%', 'Raw two'],
            },
          },
        },
      },
    };
    const raw = userFacingStrings(manifest).filter((item) => nlsKey(item.value) === undefined);
    assert.deepEqual(raw.map((item) => item.path), [
      'contributes.commands[0].title',
      'contributes.configuration[0].a.list.enumDescriptions[1]',
      'contributes.configuration[0].a.list.items.url.description',
    ]);
  });
});
