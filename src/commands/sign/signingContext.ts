// What the sign commands share: AWS access, the distribution finder, local keys, a Ui to ask
// through, and memory of the key last used per distribution.
import type * as vscode from 'vscode';
import type { CloudFrontSource } from '../../aws/awsSession';
import type { DistributionFinder } from '../../aws/distributionFinder';
import type { KeyGroupDirectory } from '../../aws/keyGroupDirectory';
import type { KeyStore } from '../../keys/keyStore';
import type { Logger } from '../../log';
import type { WalkthroughProgress } from '../../walkthrough';
import type { Ui } from '../../ui/ui';

export interface SigningContext {
  source: CloudFrontSource;
  finder: DistributionFinder;
  keyGroups: KeyGroupDirectory;
  keyStore: KeyStore;
  ui: Ui;
  /** globalState: the key last used per distribution (ids only, nothing secret). */
  memory: vscode.Memento;
  log: Logger;
  /** Checks off Getting Started steps (absent in tests and benchmarks that build their own context). */
  progress?: WalkthroughProgress;
}

export const lastKeyMemory = (distributionId: string) => `cloudfront.lastSigningKey/${distributionId}`;
