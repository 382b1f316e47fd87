// Everything the extension does, built when it is first needed: a view asks for rows, a command
// runs, a signed URL is hovered. esbuild bundles this module into dist/features.js, which
// activation does not load (see extension.ts and `npm run bench`). One services object
// (services.ts) serves every part; the parts that react to what others did subscribe to its events.
import type * as vscode from 'vscode';
import type { TestingApi } from './api';
import { commandTable } from './commands/commandTable';
import { UrlDiagnosis } from './commands/diagnoseUrl';
import type { CommandHandler } from './commands/runCommand';
import type { CommandId } from './constants';
import { rememberSigningChoices } from './commands/sign/signingContext';
import { SignedUrlCodeLens, SignedUrlHover } from './editor/signedUrlLens';
import type { Logger } from './log';
import { createServices } from './services';
import { testingApi } from './testingApi';
import { BucketsProvider } from './tree/bucketsProvider';
import { DistributionsProvider } from './tree/distributionsProvider';
import { KeysProvider } from './tree/keysProvider';
import type { TreeNode } from './tree/treeNode';
import { WalkthroughProgress } from './walkthrough';

export interface Features extends vscode.Disposable {
  distributions: vscode.TreeDataProvider<TreeNode>;
  keys: vscode.TreeDataProvider<TreeNode>;
  buckets: vscode.TreeDataProvider<TreeNode>;
  commands: Record<CommandId, CommandHandler>;
  hover: vscode.HoverProvider;
  codeLens: vscode.CodeLensProvider;
  testing: TestingApi | undefined;
}

export function createFeatures(context: vscode.ExtensionContext, log: Logger): Features {
  const version = (context.extension.packageJSON as { version?: string }).version ?? '0.0.0';
  const handle = createServices(context, log, version);
  const { services } = handle;
  // The first line of a bug report's log: which build, and which credentials it reads.
  log.info(`[features] ${version} ready; AWS profile: ${services.source.profile ?? 'the SDK default chain'}`);
  const distributions = new DistributionsProvider(services.source, services.keyGroups, log);
  const keys = new KeysProvider(services.source, services.keyGroups, log, services.keyStore);
  const buckets = new BucketsProvider(services.source, log);
  const diagnosis = new UrlDiagnosis(services);
  const progress = new WalkthroughProgress(context.globalState);
  const disposables: vscode.Disposable[] = [
    handle,
    diagnosis,
    distributions,
    keys,
    buckets,
    // The Distributions view reading the account proves the credentials work, the default chain included.
    progress.follow(services.events, services.keyStore, distributions.onDidReadAccount),
    rememberSigningChoices(services.events, services.memory),
    // Key pairs changed here: both views read CloudFront again.
    services.events.didChangeKeys.event(() => {
      distributions.refresh();
      keys.refresh();
    }),
  ];

  return {
    distributions,
    keys,
    buckets,
    commands: commandTable({ services, distributions, keys, buckets, diagnosis }),
    hover: new SignedUrlHover(services.keyStore),
    codeLens: new SignedUrlCodeLens(),
    testing: testingApi(context, services.keyStore, (ui) => handle.setUi(ui), progress).testing,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
