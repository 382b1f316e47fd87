// activate() only wires services, views and commands. Nothing here touches the network or loads the
// AWS SDK: that happens when a view or command first needs CloudFront.
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from './api';
import { AwsSession } from './aws/awsSession';
import { registerCommands } from './commands/registerCommands';
import { Views } from './constants';
import { createLogger } from './log';
import { DistributionsProvider } from './tree/distributionsProvider';
import { KeysProvider } from './tree/keysProvider';

export function activate(context: vscode.ExtensionContext): CloudFrontPrivateContentApi {
  const channel = vscode.window.createOutputChannel('CloudFront', { log: true });
  const log = createLogger(channel);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const session = new AwsSession(`cloudfront-private-content/${version}`);
  const distributions = new DistributionsProvider(session, log);

  context.subscriptions.push(
    channel,
    session,
    distributions,
    vscode.window.createTreeView(Views.distributions, { treeDataProvider: distributions, showCollapseAll: true }),
    vscode.window.createTreeView(Views.keys, { treeDataProvider: new KeysProvider() }),
    ...registerCommands({ log, distributions }),
  );
  return { distributionsView: distributions };
}

export function deactivate(): void {}
