// The one services object, built once when the features load: the AWS session, what signing reads
// from CloudFront (distributions, key groups), the local key store, the Ui every prompt goes through,
// the log, globalState and the events. Commands, views and the diagnosis receive it (or the part of
// it they declare) instead of bags of their own.
import type * as vscode from 'vscode';
import { AwsSession } from './aws/awsSession';
import { DistributionFinder } from './aws/distributionFinder';
import { KeyGroupDirectory } from './aws/keyGroupDirectory';
import { KeySigners } from './aws/keySigners';
import { ExtensionEvents } from './events';
import { SecretKeyStore } from './keys/keyStore';
import type { Logger } from './log';
import type { Ui } from './ui/ui';
import { VscodeUi } from './ui/vscodeUi';

export interface Services {
  /** The AWS session of the chosen profile: CloudFront and S3 services, built on first use. */
  readonly source: AwsSession;
  readonly finder: DistributionFinder;
  readonly keyGroups: KeyGroupDirectory;
  readonly keyStore: SecretKeyStore;
  /** Signers for listed keys, wherever their private half lives. */
  readonly signers: KeySigners;
  /** The person's Ui, or the one a test set. */
  readonly ui: Ui;
  readonly log: Logger;
  /** globalState: remembered choices (ids only, nothing secret). */
  readonly memory: vscode.Memento;
  readonly events: ExtensionEvents;
}

export interface ServicesHandle extends vscode.Disposable {
  readonly services: Services;
  /** Tests answer prompts through a scripted Ui; undefined restores the person's. */
  setUi(ui: Ui | undefined): void;
}

export function createServices(context: vscode.ExtensionContext, log: Logger, version: string): ServicesHandle {
  const source = new AwsSession(`cloudfront-private-content/${version}`);
  const finder = new DistributionFinder(() => source.cloudFront());
  const keyGroups = new KeyGroupDirectory(() => source.cloudFront());
  const keyStore = new SecretKeyStore(context.secrets, context.globalState);
  const signers = new KeySigners(keyStore, source);
  const events = new ExtensionEvents();
  const personUi = new VscodeUi();
  let testUi: Ui | undefined;
  const services: Services = {
    source,
    finder,
    keyGroups,
    keyStore,
    signers,
    log,
    memory: context.globalState,
    events,
    get ui() {
      return testUi ?? personUi;
    },
  };
  const disposables: vscode.Disposable[] = [
    events,
    keyStore,
    source,
    // Another profile: nothing read for the old one holds.
    source.onDidChange(() => {
      finder.reset();
      keyGroups.reset();
      signers.forget();
    }),
    // A key deleted, relinked or moved: no PEM read from AWS for it is kept.
    keyStore.onDidChange(() => signers.forget()),
    // What the extension changes in CloudFront is read again by the next sign, diagnosis and view.
    source.onDidWrite((write) => {
      if (write.resource === 'distribution' && write.created) finder.forgetList();
      if (write.resource === 'distribution' && write.id) finder.forget(write.id);
      if (write.resource === 'keyGroup') keyGroups.reset();
    }),
  ];
  return {
    services,
    setUi: (ui) => (testUi = ui),
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
