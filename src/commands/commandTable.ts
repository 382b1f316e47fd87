// Every command of the extension in one table. The activation bundle registers each id through the
// one wrapper (runCommand.ts) and calls into this table when the command first runs.
import { Commands, type CommandId } from '../constants';
import type { Services } from '../services';
import type { BucketsProvider } from '../tree/bucketsProvider';
import type { DistributionsProvider } from '../tree/distributionsProvider';
import type { KeysProvider } from '../tree/keysProvider';
import type { PagedParent } from '../tree/rows';
import type { TreeNode } from '../tree/treeNode';
import type { UrlDiagnosis } from './diagnoseUrl';
import { copyBucketPolicy, copyDomain, openInConsole } from './distributionCommands';
import { keyCommandTable, type KeyCommandId } from './keys/keyCommandTable';
import { defineCommand } from './options';
import { exportInfrastructureCommand } from './codegen/exportInfrastructure';
import { generateSigningCodeCommand } from './codegen/generateSigningCode';
import { chooseProfile, ssoLogin } from './profileCommands';
import { closePublicAccessCommand } from './protect/closePublicAccess';
import { protectBucket } from './protect/command';
import { verifyProtectionCommand } from './protect/verifyCommand';
import { openWalkthrough } from './openWalkthrough';
import { waitForDeployment } from './waitForDeployment';
import type { CommandHandler } from './runCommand';
import { signCookiesCommand } from './sign/signCookies';
import { signSelectionCommand } from './sign/signSelection';
import { signUrlCommand } from './sign/signUrl';
import { checkPlaybackCommand } from './stream/checkPlayback';
import { planStreamCommand } from './stream/planStream';
import { signStreamCommand } from './stream/signStream';

/** The services, and the views and the diagnosis that some commands act on. */
export interface CommandServices {
  services: Services;
  distributions: DistributionsProvider;
  keys: KeysProvider;
  buckets: BucketsProvider;
  diagnosis: UrlDiagnosis;
}

/** A command that takes no options object: nothing, or the row (or value) it runs on. */
const withContext = <R>(run: (context: unknown) => R) => defineCommand(undefined, (call) => run(call.context));

/** Every id of `Commands` has a handler, or the type check fails. */
export function commandTable({ services, distributions, keys, buckets, diagnosis }: CommandServices): Record<CommandId, CommandHandler> {
  const table: Record<Exclude<CommandId, KeyCommandId>, CommandHandler> = {
    [Commands.refresh]: withContext(() => {
      services.finder.reset();
      services.keyGroups.reset();
      distributions.refresh();
      keys.refresh();
      buckets.refresh();
    }),
    [Commands.loadMore]: withContext((parent) => (parent as PagedParent).loadMore()),
    [Commands.refreshNode]: withContext((node) => (node as TreeNode | undefined)?.refresh?.()),
    [Commands.copyDomain]: withContext((node) => copyDomain(services.ui, node)),
    [Commands.copyBucketPolicy]: withContext((node) => copyBucketPolicy(services.ui, node)),
    [Commands.openInConsole]: withContext(openInConsole),
    [Commands.showLog]: withContext(() => services.log.show()),
    [Commands.openWalkthrough]: withContext(openWalkthrough),
    [Commands.signUrl]: (...args) => signUrlCommand(services, ...args),
    [Commands.signSelection]: (...args) => signSelectionCommand(services, ...args),
    [Commands.signCookies]: (...args) => signCookiesCommand(services, ...args),
    [Commands.planStream]: (...args) => planStreamCommand(services, ...args),
    [Commands.signStream]: (...args) => signStreamCommand(services, ...args),
    [Commands.checkPlayback]: (...args) => checkPlaybackCommand(services, ...args),
    [Commands.diagnoseUrl]: async (...args) => {
      const findings = await diagnosis.run(...args);
      services.events.didDiagnose.fire();
      return findings;
    },
    [Commands.chooseProfile]: async (...args) => {
      const profile = await chooseProfile(services, ...args);
      services.events.didChooseProfile.fire(profile);
      return profile;
    },
    [Commands.ssoLogin]: ssoLogin,
    [Commands.generateSigningCode]: (...args) => generateSigningCodeCommand(services, ...args),
    [Commands.exportInfrastructure]: (...args) => exportInfrastructureCommand(services, ...args),
    // The views refresh from the writes each makes (AwsSession.onDidWrite).
    [Commands.protectBucket]: (...args) => protectBucket(services, ...args),
    [Commands.protectOrigin]: (...args) => protectBucket(services, ...args),
    [Commands.protectBucketRow]: (...args) => protectBucket(services, ...args),
    [Commands.verifyProtection]: (...args) => verifyProtectionCommand(services, ...args),
    // S3 writes (bucket policy, Block Public Access) are not announced as write events: the S3 view is told here.
    [Commands.closePublicAccess]: async (...args) => {
      const result = await closePublicAccessCommand(services, ...args);
      buckets.refresh();
      return result;
    },
    [Commands.waitForDeployment]: (...args) => waitForDeployment(services, ...args),
  };
  return { ...table, ...keyCommandTable(services) };
}
