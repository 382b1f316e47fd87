// activate() only wires services, views and commands. Nothing here touches the network or loads the
// AWS SDK: that happens when a view or command first needs CloudFront.
import * as vscode from 'vscode';
import type { CloudFrontPrivateContentApi } from './api';
import { AwsSession } from './aws/awsSession';
import { DistributionFinder } from './aws/distributionFinder';
import type { SigningContext } from './commands/sign/signingContext';
import { registerSignedUrlLenses } from './editor/signedUrlLens';
import { UrlDiagnosis } from './commands/diagnoseUrl';
import { registerCommands } from './commands/registerCommands';
import { KeyGroupDirectory } from './aws/keyGroupDirectory';
import { Views } from './constants';
import { createLogger } from './log';
import { DistributionsProvider } from './tree/distributionsProvider';
import { KeysProvider } from './tree/keysProvider';
import { SecretKeyStore } from './keys/keyStore';
import type { KeyCommandContext } from './commands/keys/keyCommandContext';
import { testingApi } from './testingApi';
import { VscodeUi } from './wizard/vscodeUi';
import type { Ui } from './wizard/ui';

export function activate(context: vscode.ExtensionContext): CloudFrontPrivateContentApi {
  const channel = vscode.window.createOutputChannel('CloudFront', { log: true });
  const log = createLogger(channel);
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const session = new AwsSession(`cloudfront-private-content/${version}`);
  const keyGroups = new KeyGroupDirectory(() => session.cloudFront());
  const distributions = new DistributionsProvider(session, keyGroups, log);
  const keyStore = new SecretKeyStore(context.secrets, context.globalState);
  const keys = new KeysProvider(session, keyGroups, log, keyStore);
  const personUi = new VscodeUi();
  let testUi: Ui | undefined;
  const keyCommands: KeyCommandContext = {
    source: session,
    keyStore,
    log,
    get ui() {
      return testUi ?? personUi;
    },
    refresh: () => {
      distributions.refresh();
      keys.refresh();
    },
  };

  const finder = new DistributionFinder(() => session.cloudFront());
  const signing: SigningContext = {
    source: session,
    finder,
    keyGroups,
    keyStore,
    memory: context.globalState,
    log,
    get ui() {
      return keyCommands.ui;
    },
  };

  const diagnosis = new UrlDiagnosis({ source: session, keyGroups, log, ui: () => keyCommands.ui });

  context.subscriptions.push(
    channel,
    diagnosis,
    session,
    distributions,
    keys,
    keyStore,
    ...showProfileIn(session, [
      vscode.window.createTreeView(Views.distributions, { treeDataProvider: distributions, showCollapseAll: true }),
      vscode.window.createTreeView(Views.keys, { treeDataProvider: keys, showCollapseAll: true }),
    ]),
    session.onDidChange(() => finder.reset()),
    ...registerSignedUrlLenses(keyStore),
    ...registerCommands({ log, distributions, keys, keyCommands, diagnosis, signing }),
  );
  return { distributionsView: distributions, keysView: keys, ...testingApi(context, keyStore, (ui) => (testUi = ui)) };
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
