// The part of the services (src/services.ts) that the sign commands use: AWS access, the distribution
// finder, local keys, a Ui to ask through, remembered choices, and the event that announces a sign.
import type * as vscode from 'vscode';
import type { CloudFrontSource } from '../../aws/awsSession';
import type { DistributionFinder } from '../../aws/distributionFinder';
import type { KeyGroupDirectory } from '../../aws/keyGroupDirectory';
import type { KeySigners } from '../../aws/keySigners';
import type { ExtensionEvents } from '../../events';
import type { KeyStore } from '../../keys/keyStore';
import type { Logger } from '../../log';
import type { Ui } from '../../ui/ui';

export interface SigningContext {
  readonly source: CloudFrontSource;
  readonly finder: DistributionFinder;
  readonly keyGroups: KeyGroupDirectory;
  readonly keyStore: KeyStore;
  /** The signer of a listed key, wherever its private half lives (this machine, KMS, Secrets Manager, SSM). */
  readonly signers: Pick<KeySigners, 'signerFor'>;
  readonly ui: Ui;
  /** globalState: the key last used per distribution and the host last signed for (ids only, nothing secret). */
  readonly memory: vscode.Memento;
  readonly log: Logger;
  /** What was signed: the walkthrough and the remembered choices listen (absent in tests and benchmarks that build their own context). */
  readonly events?: Pick<ExtensionEvents, 'didSign'>;
}

export const lastKeyMemory = (distributionId: string) => `cloudfront.lastSigningKey/${distributionId}`;
/** The host last signed for: a path selected in an editor is completed with it. */
export const LAST_DISTRIBUTION_HOST = 'cloudfront.lastSigningHost';

/** Remembers, after each sign, the key used per distribution and the host: the next sign offers them first. */
export function rememberSigningChoices(events: Pick<ExtensionEvents, 'didSign'>, memory: vscode.Memento): vscode.Disposable {
  return events.didSign.event((signed) => {
    if (signed.distributionId) void memory.update(lastKeyMemory(signed.distributionId), signed.publicKeyId);
    if (signed.host) void memory.update(LAST_DISTRIBUTION_HOST, signed.host);
  });
}
