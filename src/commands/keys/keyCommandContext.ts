// What key commands work with: CloudFront, the local key store, the Ui to ask through, and the views
// to refresh afterwards. Tests build one over the typed fake, an in-memory store and a scripted Ui.
import type { CloudFrontSource } from '../../aws/awsSession';
import type { MutableKeyStore } from '../../keys/keyStore';
import type { Logger } from '../../log';
import type { WalkthroughProgress } from '../../walkthrough';
import type { Ui } from '../../ui/ui';

export interface KeyCommandContext {
  source: CloudFrontSource;
  keyStore: MutableKeyStore;
  ui: Ui;
  log: Logger;
  /** Reloads the Distributions and Keys views. */
  refresh(): void;
  /** Checks off Getting Started steps (absent in tests that build their own context). */
  progress?: WalkthroughProgress;
}
