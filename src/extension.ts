// activate() only wires services, views and commands. Nothing here touches the network or loads the
// AWS SDK: that happens when a view or command first needs CloudFront.
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from './api';
import { AwsSession } from './aws/awsSession';
import { registerCommands } from './commands/registerCommands';
import { KeyGroupDirectory } from './aws/keyGroupDirectory';
import { Views } from './constants';
import { createLogger } from './log';
import { DistributionsProvider } from './tree/distributionsProvider';
import { KeysProvider } from './tree/keysProvider';

export function activate(context: vscode.ExtensionContext): CloudFrontPrivateContentApi {
  const channel = vscode.window.createOutputChannel('CloudFront', { log: true });
  const log = createLogger(channel);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const session = new AwsSession(`cloudfront-private-content/${version}`);
  const keyGroups = new KeyGroupDirectory(() => session.cloudFront());
  const distributions = new DistributionsProvider(session, keyGroups, log);
  const keys = new KeysProvider(session, keyGroups, log);

  context.subscriptions.push(
    channel,
    session,
    distributions,
    keys,
    ...showProfileIn(session, [
      vscode.window.createTreeView(Views.distributions, { treeDataProvider: distributions, showCollapseAll: true }),
      vscode.window.createTreeView(Views.keys, { treeDataProvider: keys, showCollapseAll: true }),
    ]),
    ...registerCommands({ log, distributions, keys }),
  );
  return { distributionsView: distributions, keysView: keys };
}

/** The profile in use, as each view's description, kept current when the user chooses another. */
function showProfileIn(session: AwsSession, views: vscode.TreeView<unknown>[]): vscode.Disposable[] {
  const describe = () => {
    for (const view of views) view.description = session.profile ?? vscode.l10n.t('default credentials');
  };
  describe();
  return [...views, session.onDidChange(describe)];
}

export function deactivate(): void {}
