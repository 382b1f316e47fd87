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
import type { KeyCommandContext } from './keys/keyCommandContext';
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

export function commandTable(services: CommandServices): Record<string, CommandHandler> {
  const table: Record<string, CommandHandler> = {
    [Commands.refresh]: () => {
      services.signing.finder.reset();
      services.distributions.refresh();
      services.keys.refresh();
    },
    [Commands.loadMore]: (parent) => (parent as PagedParent).loadMore(),
    [Commands.refreshNode]: (node) => (node as TreeNode).refresh?.(),
    [Commands.copyDomain]: copyDomain,
    [Commands.copyBucketPolicy]: copyBucketPolicy,
    [Commands.openInConsole]: openInConsole,
    [Commands.showLog]: () => services.log.show(),
    [Commands.signUrl]: (arg) => signUrlCommand(services.signing, arg),
    [Commands.signSelection]: (arg) => signSelectionCommand(services.signing, arg),
    [Commands.signCookies]: (arg) => signCookiesCommand(services.signing, arg),
    [Commands.diagnoseUrl]: async (...args) => {
      const findings = await services.diagnosis.run(...args);
      services.progress.reached('urlDiagnosed');
      return findings;
    },
    [Commands.chooseProfile]: async (options) => {
      const profile = await chooseProfile(options);
      services.progress.reached('profileChosen');
      return profile;
    },
    [Commands.ssoLogin]: ssoLogin,
    ...keyCommandTable(services.keyCommands),
  };
  return table;
}
