// Everything the extension does, built when it is first needed: a view asks for rows, a command
// runs, a signed URL is hovered. esbuild bundles this module into dist/features.js, which
// activation does not load (see extension.ts and `npm run bench`).
import type * as vscode from 'vscode';
import type { TestingApi } from './api';
import { AwsSession } from './aws/awsSession';
import { DistributionFinder } from './aws/distributionFinder';
import { KeyGroupDirectory } from './aws/keyGroupDirectory';
import { commandTable } from './commands/commandTable';
import { UrlDiagnosis } from './commands/diagnoseUrl';
import type { KeyCommandContext } from './commands/keys/keyCommandContext';
import type { CommandHandler } from './commands/runCommand';
import type { SigningContext } from './commands/sign/signingContext';
import { SignedUrlCodeLens, SignedUrlHover } from './editor/signedUrlLens';
import { SecretKeyStore } from './keys/keyStore';
import type { Logger } from './log';
import { testingApi } from './testingApi';
import { DistributionsProvider } from './tree/distributionsProvider';
import { KeysProvider } from './tree/keysProvider';
import type { TreeNode } from './tree/treeNode';
import type { Ui } from './ui/ui';
import { WalkthroughProgress } from './walkthrough';
import { VscodeUi } from './ui/vscodeUi';

export interface Features extends vscode.Disposable {
  distributions: vscode.TreeDataProvider<TreeNode>;
  keys: vscode.TreeDataProvider<TreeNode>;
  commands: Record<string, CommandHandler>;
  hover: vscode.HoverProvider;
  codeLens: vscode.CodeLensProvider;
  testing: TestingApi | undefined;
}

export function createFeatures(context: vscode.ExtensionContext, log: Logger): Features {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const session = new AwsSession(`cloudfront-private-content/${version}`);
  // The first line of a bug report's log: which build, and which credentials it reads.
  log.info(`[features] ${version} ready; AWS profile: ${session.profile ?? 'the SDK default chain'}`);
  const keyGroups = new KeyGroupDirectory(() => session.cloudFront());
  const distributions = new DistributionsProvider(session, keyGroups, log);
  const keyStore = new SecretKeyStore(context.secrets, context.globalState);
  const keys = new KeysProvider(session, keyGroups, log, keyStore);
  const personUi = new VscodeUi();
  const progress = new WalkthroughProgress(context.globalState);
  // "Create a key pair" is done once the key store holds a key that CloudFront knows (created or imported).
  const checkKeys = () => {
    if (keyStore.list().some((key) => key.publicKeyId)) progress.reached('keyPairCreated');
  };
  checkKeys();
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
    progress,
  };
  const finder = new DistributionFinder(() => session.cloudFront());
  const signing: SigningContext = {
    source: session,
    finder,
    keyGroups,
    keyStore,
    memory: context.globalState,
    log,
    progress,
    get ui() {
      return keyCommands.ui;
    },
  };
  const diagnosis = new UrlDiagnosis({ source: session, keyGroups, log, ui: () => keyCommands.ui });
  const disposables: vscode.Disposable[] = [diagnosis, session, distributions, keys, keyStore, session.onDidChange(() => finder.reset()), keyStore.onDidChange(checkKeys)];
  // What the extension changes in CloudFront is read again by the next sign, diagnosis and view.
  disposables.push(
    session.onDidWrite((write) => {
      if (write.resource === 'distribution' && write.id) finder.forget(write.id);
      if (write.resource === 'keyGroup') keyGroups.reset();
    }),
  );

  return {
    distributions,
    keys,
    commands: commandTable({ log, distributions, keys, keyCommands, diagnosis, signing, progress }),
    hover: new SignedUrlHover(keyStore),
    codeLens: new SignedUrlCodeLens(),
    testing: testingApi(context, keyStore, (ui) => (testUi = ui), progress).testing,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
