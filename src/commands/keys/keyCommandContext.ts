// The part of the services (src/services.ts) that key commands use: CloudFront, the local key store,
// the Ui to ask through, the log, and the events that announce what they changed. Tests build one
// over the typed fake, an in-memory store and a scripted Ui.
import type { CloudFrontSource, KeyServicesSource } from '../../aws/awsSession';
import type { ExtensionEvents } from '../../events';
import type { MutableKeyStore } from '../../keys/keyStore';
import type { Logger } from '../../log';
import type { Ui } from '../../ui/ui';
import type { RecoveryContext } from '../../wizard/recovery';

export interface KeyCommandContext {
  /** CloudFront, and KMS / Secrets Manager / SSM for keys kept in AWS. */
  readonly source: CloudFrontSource & KeyServicesSource;
  readonly keyStore: MutableKeyStore;
  readonly ui: Ui;
  readonly log: Logger;
  /** Key pairs changed, behaviors restricted: the views and the walkthrough listen. */
  readonly events?: Pick<ExtensionEvents, 'didChangeKeys' | 'didRestrictBehaviors'>;
}

/** Retry and Undo for a key command's execute steps: failures logged under `topic`, the views told after a failure or Undo. */
export function keyRecovery(context: KeyCommandContext, topic = 'keys'): RecoveryContext {
  return { ui: context.ui, log: context.log, topic, changed: () => context.events?.didChangeKeys.fire() };
}
