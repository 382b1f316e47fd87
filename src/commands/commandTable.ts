// Every command of the extension in one table. The activation bundle registers each id through the
// one wrapper (runCommand.ts) and calls into this table when the command first runs.
import { Commands } from '../constants';
import type { Logger } from '../log';
import type { DistributionsProvider } from '../tree/distributionsProvider';
import type { KeysProvider } from '../tree/keysProvider';
import type { PagedParent } from '../tree/rows';
import type { TreeNode } from '../tree/treeNode';
import type { WalkthroughProgress } from '../walkthrough';
import type { UrlDiagnosis } from './diagnoseUrl';
import { copyBucketPolicy, copyDomain, openInConsole } from './distributionCommands';
import { keyCommandTable } from './keys/keyCommandTable';
import { defineCommand } from './options';
import type { KeyCommandContext } from './keys/keyCommandContext';
import { exportInfrastructureCommand } from './codegen/exportInfrastructure';
import { generateSigningCodeCommand } from './codegen/generateSigningCode';
import { chooseProfile, ssoLogin } from './profileCommands';
import type { CommandHandler } from './runCommand';
import type { SigningContext } from './sign/signingContext';
import { signCookiesCommand } from './sign/signCookies';
import { signSelectionCommand } from './sign/signSelection';
import { signUrlCommand } from './sign/signUrl';

export interface CommandServices {
  log: Logger;
  distributions: DistributionsProvider;
  keys: KeysProvider;
  keyCommands: KeyCommandContext;
  diagnosis: UrlDiagnosis;
  signing: SigningContext;
  progress: WalkthroughProgress;
}

/** A command that takes no options object: nothing, or the row (or value) it runs on. */
const withContext = <R>(run: (context: unknown) => R) => defineCommand(undefined, (call) => run(call.kind === 'interactive' ? call.context : undefined));

export function commandTable(services: CommandServices): Record<string, CommandHandler> {
  const table: Record<string, CommandHandler> = {
    [Commands.refresh]: withContext(() => {
      services.signing.finder.reset();
      services.distributions.refresh();
      services.keys.refresh();
    }),
    [Commands.loadMore]: withContext((parent) => (parent as PagedParent).loadMore()),
    [Commands.refreshNode]: withContext((node) => (node as TreeNode | undefined)?.refresh?.()),
    [Commands.copyDomain]: withContext(copyDomain),
    [Commands.copyBucketPolicy]: withContext(copyBucketPolicy),
    [Commands.openInConsole]: withContext(openInConsole),
    [Commands.showLog]: withContext(() => services.log.show()),
    [Commands.signUrl]: (...args) => signUrlCommand(services.signing, ...args),
    [Commands.signSelection]: (...args) => signSelectionCommand(services.signing, ...args),
    [Commands.signCookies]: (...args) => signCookiesCommand(services.signing, ...args),
    [Commands.diagnoseUrl]: async (...args) => {
      const findings = await services.diagnosis.run(...args);
      services.progress.reached('urlDiagnosed');
      return findings;
    },
    [Commands.chooseProfile]: async (...args) => {
      const profile = await chooseProfile(...args);
      services.progress.reached('profileChosen');
      return profile;
    },
    [Commands.ssoLogin]: ssoLogin,
    [Commands.generateSigningCode]: (...args) => generateSigningCodeCommand(services.keyCommands, ...args),
    [Commands.exportInfrastructure]: (...args) => exportInfrastructureCommand(services.keyCommands, ...args),
    ...keyCommandTable(services.keyCommands),
  };
  return table;
}
