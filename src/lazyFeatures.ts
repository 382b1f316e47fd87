// Stand-ins that activation registers with VS Code in place of the real views, commands and
// providers; each loads dist/features.js on first use and hands the call on.
import * as vscode from 'vscode';
import type * as FeaturesModule from './features';
import type { Features } from './features';
import { SIGNED_URL_DOCUMENTS, SIGNED_URL_PARAMETER } from './editor/signedUrlDocuments';
import type { Logger } from './log';
import type { TreeNode } from './tree/treeNode';

export class LazyFeatures implements vscode.Disposable {
  private loading: Promise<Features> | undefined;
  private loaded: Features | undefined;
  private readonly listeners: Array<(features: Features) => void> = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
  ) {}

  get(): Promise<Features> {
    this.loading ??= Promise.resolve().then(() => {
      // In the extension bundle esbuild.mjs maps this require to the sibling file dist/features.js.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require('./features') as typeof FeaturesModule;
      this.loaded = module.createFeatures(this.context, this.log);
      for (const listener of this.listeners) listener(this.loaded);
      return this.loaded;
    });
    return this.loading;
  }

  /** Runs `listener` once the features are loaded (at once if they are). */
  whenLoaded(listener: (features: Features) => void): void {
    if (this.loaded) listener(this.loaded);
    else this.listeners.push(listener);
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

/** A tree view's data, served by the real provider once loaded; its change events are passed on. */
export class LazyTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private subscription: vscode.Disposable | undefined;

  constructor(
    private readonly features: LazyFeatures,
    private readonly pick: (features: Features) => vscode.TreeDataProvider<TreeNode>,
  ) {
    features.whenLoaded((loaded) => {
      this.subscription = this.pick(loaded).onDidChangeTreeData?.((node) => this.changed.fire(node as TreeNode | undefined));
    });
  }

  /** Rows are the real provider's nodes, which render themselves. */
  getTreeItem(node: TreeNode): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    return (await this.pick(await this.features.get()).getChildren(node)) ?? [];
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}

/** Hover and CodeLens on signed URLs: the features load only for documents that contain one. */
export function lazySignedUrlProviders(features: LazyFeatures): vscode.Disposable[] {
  return [
    vscode.languages.registerHoverProvider(SIGNED_URL_DOCUMENTS, {
      async provideHover(document, position, token) {
        if (!SIGNED_URL_PARAMETER.test(document.lineAt(position.line).text)) return undefined;
        return (await features.get()).hover.provideHover(document, position, token);
      },
    }),
    vscode.languages.registerCodeLensProvider(SIGNED_URL_DOCUMENTS, {
      async provideCodeLenses(document, token) {
        if (!SIGNED_URL_PARAMETER.test(document.getText())) return [];
        return (await features.get()).codeLens.provideCodeLenses(document, token);
      },
    }),
  ];
}
