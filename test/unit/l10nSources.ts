// Reads src/ with the TypeScript compiler for the localisation checks: text written straight
// into VS Code's UI, and l10n.t calls that the bundle export (@vscode/l10n-dev) cannot read.
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Finding {
  /** `src/views/treeItems.ts:12` */
  where: string;
  text: string;
}

/** A program over the given files, with the type checker the UI check needs. */
export function sourceProgram(root: string, files: readonly string[]): ts.Program {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.config.compilerOptions, root);
  return ts.createProgram([...files], { ...options, noEmit: true });
}

function where(node: ts.Node, root: string): string {
  const file = node.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(node.getStart());
  return `${path.relative(root, file.fileName)}:${line + 1}`;
}

/** Words a person reads: what is left once codicons `$(name)` and `${…}` parts are gone. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(text.replace(/\$\([\w~-]+\)/g, ''));
}

/**
 * The string literal or template with words that an expression yields as it stands: directly,
 * through `?:`, or as an operand of `+`, `||` or `??`.
 */
export function rawText(expression: ts.Expression): ts.Expression | undefined {
  const node = ts.skipPartiallyEmittedExpressions(skipParentheses(expression));
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    return hasWords(node.text) ? node : undefined;
  }
  if (ts.isTemplateExpression(node)) {
    const text = node.head.text + node.templateSpans.map((span) => span.literal.text).join('');
    return hasWords(text) ? node : undefined;
  }
  if (ts.isConditionalExpression(node)) {
    return rawText(node.whenTrue) ?? rawText(node.whenFalse);
  }
  const joins = [
    ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken,
  ];
  if (ts.isBinaryExpression(node) && joins.includes(node.operatorToken.kind)) {
    return rawText(node.left) ?? rawText(node.right);
  }
  return undefined;
}

function skipParentheses(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? skipParentheses(node.expression) : node;
}

/** Window functions whose string arguments are shown as they are. */
const SHOWN_ARGUMENTS: Record<string, 'all' | number> = {
  showInformationMessage: 'all',
  showWarningMessage: 'all',
  showErrorMessage: 'all',
  setStatusBarMessage: 0,
  createWebviewPanel: 1,
};

/** Properties of VS Code's own types that show text: `item.text = …`, `{title: …}`. */
const SHOWN_PROPERTIES: Record<string, readonly string[]> = {
  StatusBarItem: ['text', 'tooltip', 'name'],
  TreeItem: ['label', 'description', 'tooltip'],
  TreeView: ['title', 'description', 'message'],
  QuickPick: ['title', 'placeholder', 'prompt', 'validationMessage'],
  InputBox: ['title', 'placeholder', 'prompt', 'validationMessage'],
  WebviewPanel: ['title'],
  QuickPickItem: ['label', 'description', 'detail'],
  QuickInputButton: ['tooltip'],
  MessageItem: ['title'],
  MessageOptions: ['detail'],
  Command: ['title', 'tooltip'],
  AccessibilityInformation: ['label'],
  ProgressOptions: ['title'],
  InputBoxOptions: ['title', 'prompt', 'placeHolder'],
  QuickPickOptions: ['title', 'placeHolder'],
  OpenDialogOptions: ['title', 'openLabel'],
  SaveDialogOptions: ['title', 'saveLabel'],
  TreeItemLabel: ['label'],
};

/** Text written straight into VS Code's UI rather than through vscode.l10n. */
export function rawUiText(program: ts.Program, root: string): Finding[] {
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];
  const report = (node: ts.Node, what: string): void => {
    findings.push({ where: where(node, root), text: `${what}: ${node.getText()}` });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const shown = SHOWN_ARGUMENTS[node.expression.name.text];
      node.arguments.forEach((argument, index) => {
        const raw = shown === 'all' || shown === index ? rawText(argument) : undefined;
        if (raw) report(raw, `${node.expression.getText()} argument`);
      });
    }
    if (ts.isNewExpression(node) && /\bTreeItem$/.test(node.expression.getText())) {
      const raw = node.arguments?.[0] && rawText(node.arguments[0]);
      if (raw) report(raw, 'TreeItem label');
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken
      && ts.isPropertyAccessExpression(node.left)) {
      const owner = vscodeTypeNames(checker, checker.getTypeAtLocation(node.left.expression));
      const raw = shownBy(owner, node.left.name.text) ? rawText(node.right) : undefined;
      if (raw) report(raw, `${owner.join('|')}.${node.left.name.text}`);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const owner = [
        ...vscodeTypeNames(checker, checker.getContextualType(node)),
        ...vscodeTypeNames(checker, declaredItemType(checker, node)),
      ];
      for (const property of node.properties) {
        const name = property.name && ts.isIdentifier(property.name) ? property.name.text : '';
        const raw = ts.isPropertyAssignment(property) && shownBy(owner, name)
          ? rawText(property.initializer)
          : undefined;
        if (raw) report(raw, `${owner.join('|')}.${name}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getRootFileNames()) {
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
  return findings;
}

/**
 * For an object in an array passed to a generic call (showQuickPick<T>), the element type the
 * declaration names, whose constraint is the VS Code type; the contextual type is only `T`.
 */
function declaredItemType(
  checker: ts.TypeChecker,
  node: ts.ObjectLiteralExpression,
): ts.Type | undefined {
  const array = node.parent;
  if (!ts.isArrayLiteralExpression(array) || !ts.isCallExpression(array.parent)) return undefined;
  const index = array.parent.arguments.indexOf(array);
  const parameter = checker.getResolvedSignature(array.parent)?.getDeclaration()?.parameters[index];
  if (!parameter) return undefined;
  const declared = checker.getTypeAtLocation(parameter);
  const members = declared.isUnion() ? declared.types : [declared];
  return members
    .map((member) => checker.getIndexTypeOfType(member, ts.IndexKind.Number))
    .find((element): element is ts.Type => element !== undefined);
}

function shownBy(owners: readonly string[], property: string): boolean {
  return owners.some((owner) => SHOWN_PROPERTIES[owner]?.includes(property));
}

/** The names of VS Code API types a type is, extends, or is constrained to. */
function vscodeTypeNames(checker: ts.TypeChecker, type: ts.Type | undefined): string[] {
  if (!type) return [];
  if (type.isUnionOrIntersection()) {
    return type.types.flatMap((member) => vscodeTypeNames(checker, member));
  }
  if ((type.flags & ts.TypeFlags.TypeParameter) !== 0) {
    return vscodeTypeNames(checker, checker.getBaseConstraintOfType(type));
  }
  const names: string[] = [];
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const fromVscode = symbol?.declarations?.some((declaration) =>
    /[\\/]@types[\\/]vscode[\\/]/.test(declaration.getSourceFile().fileName));
  if (symbol && fromVscode) names.push(symbol.getName());
  if (type.isClassOrInterface()) {
    for (const base of checker.getBaseTypes(type)) names.push(...vscodeTypeNames(checker, base));
  }
  return names;
}

/** True for `l10n.t(…)` and `vscode.l10n.t(…)`. */
function isTranslateCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && /^(vscode\.)?l10n\.t$/.test(node.expression.getText());
}

/**
 * Calls whose message the export cannot read, so that it never reaches the bundle: a message
 * that is not one literal (a `+` or `${}` inside), or the object form without a literal
 * `comment` after its `message` (the export only reads objects with both).
 */
export function unreadableMessages(program: ts.Program, root: string): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (isTranslateCall(node)) {
      const problem = messageProblem(node.arguments[0]);
      if (problem) findings.push({ where: where(node, root), text: problem });
    }
    ts.forEachChild(node, visit);
  };
  forEachSource(program, visit);
  return findings;
}

function isLiteral(node: ts.Node | undefined): boolean {
  if (node === undefined) return false;
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

function messageProblem(first: ts.Expression | undefined): string | undefined {
  if (first === undefined || isLiteral(first)) {
    return first === undefined ? 'no message' : undefined;
  }
  if (!ts.isObjectLiteralExpression(first)) {
    return `the message is not one literal: ${first.getText()}`;
  }
  const assigned = (name: string): ts.PropertyAssignment | undefined =>
    first.properties.find((property): property is ts.PropertyAssignment =>
      ts.isPropertyAssignment(property) && property.name.getText() === name);
  const message = assigned('message');
  const comment = assigned('comment');
  if (!message || !isLiteral(message.initializer)) {
    return 'the object form needs `message` as one literal';
  }
  const literalComment = comment && (isLiteral(comment.initializer)
    || (ts.isArrayLiteralExpression(comment.initializer)
      && comment.initializer.elements.every((element) => isLiteral(element))));
  if (!literalComment || comment.pos < message.pos) {
    return 'the object form needs a literal `comment` after `message` (else the export skips it)';
  }
  return undefined;
}

/**
 * Calls made while a module loads: they run before activation hands the bundle over, so they
 * would stay English for good.
 */
export function translatedTooEarly(program: ts.Program, root: string): Finding[] {
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (isTranslateCall(node) && !insideFunction(node)) {
      findings.push({ where: where(node, root), text: node.getText().slice(0, 80) });
    }
    ts.forEachChild(node, visit);
  };
  forEachSource(program, visit);
  return findings;
}

function insideFunction(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return true;
    if (ts.isPropertyDeclaration(current) && !hasStaticModifier(current)) return true;
  }
  return false;
}

function hasStaticModifier(node: ts.PropertyDeclaration): boolean {
  const isStatic = (modifier: ts.ModifierLike): boolean =>
    modifier.kind === ts.SyntaxKind.StaticKeyword;
  return node.modifiers?.some(isStatic) ?? false;
}

function forEachSource(program: ts.Program, visit: (node: ts.Node) => void): void {
  for (const file of program.getRootFileNames()) {
    const source = program.getSourceFile(file);
    if (source) visit(source);
  }
}
