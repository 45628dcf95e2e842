// A stand-in for the `vscode` module, so that the extension's tree items and its activation run
// in plain Node for the benchmark. The classes the tree builds are real enough to cost what they
// cost in VS Code; any other API answers with an inert object.
'use strict';

class Disposable {
  constructor(callOnDispose = () => undefined) {
    this.callOnDispose = callOnDispose;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item?.dispose?.()));
  }
  dispose() {
    this.callOnDispose();
  }
}

class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return new Disposable(() => this.listeners.delete(listener));
    };
  }
  fire(value) {
    this.listeners.forEach((listener) => listener(value));
  }
  dispose() {
    this.listeners.clear();
  }
}

class TreeItem {
  constructor(label, collapsibleState = 0) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}

class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}

class ThemeColor {
  constructor(id) {
    this.id = id;
  }
}

class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendText(text) {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, '\\$&');
    return this;
  }
  appendMarkdown(text) {
    this.value += text;
    return this;
  }
  appendCodeblock(code) {
    this.value += `\n\`\`\`\n${code}\n\`\`\`\n`;
    return this;
  }
}

class Uri {
  constructor(path) {
    this.scheme = 'file';
    this.path = path;
    this.fsPath = path;
  }
  static file(path) {
    return new Uri(path);
  }
  static parse(text) {
    return new Uri(text);
  }
  static joinPath(base, ...parts) {
    return new Uri([base.path, ...parts].join('/'));
  }
  with() {
    return this;
  }
  toString() {
    return `file://${this.path}`;
  }
}

/** Any API the benchmark does not model: callable, awaitable, disposable, and so on down. */
function inert(name) {
  const target = function () {
    return inert(`${name}()`);
  };
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined;
      if (property === 'dispose') return () => undefined;
      if (property === Symbol.toPrimitive) return () => name;
      return inert(`${name}.${String(property)}`);
    },
    // Assignments (a status bar item's text, name, command) are accepted and forgotten.
    set() {
      return true;
    },
  });
}

/** What `vscode.l10n.t` does without a translation: fills `{0}` or `{name}` placeholders. */
function translate(message, ...args) {
  const values = args.length === 1 && typeof args[0] === 'object' ? args[0] : args;
  return message.replace(/\{([^}]+)\}/g, (whole, key) => values[key] ?? whole);
}

function namespace(name, members) {
  return new Proxy(members, {
    get(target, property) {
      return property in target ? target[property] : inert(`${name}.${String(property)}`);
    },
  });
}

const disposable = () => new Disposable();
const logChannel = () =>
  namespace('LogOutputChannel', {
    trace: () => undefined,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    append: () => undefined,
    appendLine: () => undefined,
    show: () => undefined,
    dispose: () => undefined,
    logLevel: 2,
    onDidChangeLogLevel: () => disposable(),
  });

const configuration = () =>
  namespace('WorkspaceConfiguration', {
    get: (_key, fallback) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  });

module.exports = {
  Disposable,
  EventEmitter,
  TreeItem,
  ThemeIcon,
  ThemeColor,
  MarkdownString,
  Uri,
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  InputBoxValidationSeverity: { Info: 1, Warning: 2, Error: 3 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  window: namespace('window', {
    createOutputChannel: () => logChannel(),
    createTreeView: () =>
      namespace('TreeView', { dispose: () => undefined, selection: [], visible: true }),
    registerWebviewPanelSerializer: disposable,
    registerUriHandler: disposable,
  }),
  workspace: namespace('workspace', {
    getConfiguration: configuration,
    onDidChangeConfiguration: disposable,
    registerTextDocumentContentProvider: disposable,
    workspaceFolders: undefined,
  }),
  commands: namespace('commands', {
    registerCommand: disposable,
    executeCommand: async () => undefined,
  }),
  env: namespace('env', { language: 'en', clipboard: { writeText: async () => undefined } }),
  l10n: {
    t: (first, ...args) =>
      typeof first === 'string' ? translate(first, ...args) : translate(first.message, first.args),
    bundle: undefined,
  },
};
