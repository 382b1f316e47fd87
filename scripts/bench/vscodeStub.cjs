// A minimal stand-in for the `vscode` module, enough for activate() to run in plain Node, so the
// benchmark measures our code's load and activation cost without a workbench around it.
const Module = require('node:module');

class StubDisposable {
  constructor(fn = () => {}) {
    this.fn = fn;
  }
  dispose() {
    this.fn();
  }
  static from(...disposables) {
    return new StubDisposable(() => disposables.forEach((d) => d.dispose()));
  }
}
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (l) => {
      this.listeners.add(l);
      return new StubDisposable(() => this.listeners.delete(l));
    };
  }
  fire(e) {
    for (const l of this.listeners) l(e);
  }
  dispose() {
    this.listeners.clear();
  }
}
const channel = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, show() {}, dispose() {}, append() {}, appendLine() {} };
const vscode = {
  Disposable: StubDisposable,
  EventEmitter,
  TreeItem: class {
    constructor(label, state) {
      this.label = label;
      this.collapsibleState = state;
    }
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(id, color) {
      this.id = id;
      this.color = color;
    }
  },
  ThemeColor: class {
    constructor(id) {
      this.id = id;
    }
  },
  MarkdownString: class {
    constructor(value) {
      this.value = value;
    }
  },
  Uri: class {
    static parse(v) {
      return { toString: () => v };
    }
  },
  l10n: { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[i])) },
  window: {
    createOutputChannel: () => channel,
    createTreeView: () => new StubDisposable(),
    registerTreeDataProvider: () => new StubDisposable(),
  },
  commands: { registerCommand: () => new StubDisposable(), executeCommand: async () => undefined },
  workspace: {
    onDidChangeConfiguration: () => new StubDisposable(),
    getConfiguration: () => ({ get: () => undefined, inspect: () => undefined }),
    registerTextDocumentContentProvider: () => new StubDisposable(),
  },
  languages: { registerHoverProvider: () => new StubDisposable(), registerCodeLensProvider: () => new StubDisposable() },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  env: { clipboard: { writeText: async () => void clipboardWrites++, readText: async () => '' } },
};
let clipboardWrites = 0;
exports.clipboardWrites = () => clipboardWrites;

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscode : load.call(this, request, ...rest);
};

/** A fake ExtensionContext with what activate() reads. */
exports.fakeContext = () => ({
  subscriptions: [],
  extension: { packageJSON: { version: '0.0.0-bench' } },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => new StubDisposable() },
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
});
