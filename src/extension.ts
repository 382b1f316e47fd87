// activate() only registers: the views, every command and the signed-URL hover, each with a stand-in
// that loads dist/features.js when first used. Nothing here touches the network, reads a secret or
// loads the AWS SDK, so activation costs about a millisecond (see `npm run bench`).
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from './api';
import { configuredProfile, PROFILE_SETTING } from './aws/profileSetting';
import { registerCommand } from './commands/runCommand';
import { Commands, Views } from './constants';
import { LazyFeatures, LazyTreeDataProvider, lazySignedUrlProviders } from './lazyFeatures';
import { createLogger } from './log';
import { restoreWalkthrough } from './walkthrough';

export function activate(context: vscode.ExtensionContext): CloudFrontPrivateContentApi {
  const channel = vscode.window.createOutputChannel('CloudFront', { log: true });
  const log = createLogger(channel);
  const features = new LazyFeatures(context, log);
  const distributionsView = new LazyTreeDataProvider(features, (f) => f.distributions);
  const keysView = new LazyTreeDataProvider(features, (f) => f.keys);
  const bucketsView = new LazyTreeDataProvider(features, (f) => f.buckets);

  context.subscriptions.push(
    channel,
    features,
    distributionsView,
    keysView,
    bucketsView,
    restoreWalkthrough(context.globalState),
    ...showProfileIn([
      vscode.window.createTreeView(Views.distributions, { treeDataProvider: distributionsView, showCollapseAll: true }),
      vscode.window.createTreeView(Views.keys, { treeDataProvider: keysView, showCollapseAll: true }),
      vscode.window.createTreeView(Views.buckets, { treeDataProvider: bucketsView }),
    ]),
    ...lazySignedUrlProviders(features),
    ...Object.values(Commands).map((id) =>
      registerCommand(
        id,
        async (...args) => {
          const handler = (await features.get()).commands[id];
          return handler(...args);
        },
        log,
      ),
    ),
  );
  return {
    distributionsView,
    keysView,
    bucketsView,
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testing: async () => testingOf(await features.get()) } : {}),
  };
}

/** The profile in use, as each view's description, kept current when the user chooses another. */
function showProfileIn(views: vscode.TreeView<unknown>[]): vscode.Disposable[] {
  const describe = () => {
    for (const view of views) view.description = configuredProfile() ?? vscode.l10n.t('default credentials');
  };
  describe();
  return [
    ...views,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(PROFILE_SETTING)) describe();
    }),
  ];
}

export function deactivate(): void {}

/** The features' testing API, built in test mode (the only mode that offers it). */
function testingOf<T>(features: { readonly testing: T | undefined }): T {
  if (features.testing === undefined) throw new Error('The testing API exists only when the extension runs in test mode.');
  return features.testing;
}
