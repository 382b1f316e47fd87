// Every command of the extension in one table, each run through the one wrapper.
import type * as vscode from 'vscode';
import { Commands } from '../constants';
import type { Logger } from '../log';
import type { DistributionsProvider } from '../tree/distributionsProvider';
import type { KeysProvider } from '../tree/keysProvider';
import type { PagedParent } from '../tree/rows';
import type { TreeNode } from '../tree/treeNode';
import { copyBucketPolicy, copyDomain, openInConsole } from './distributionCommands';
import { chooseProfile, ssoLogin } from './profileCommands';
import { registerCommand, type CommandHandler } from './runCommand';

export interface CommandServices {
  log: Logger;
  distributions: DistributionsProvider;
  keys: KeysProvider;
}

export function registerCommands(services: CommandServices): vscode.Disposable[] {
  const table: Record<string, CommandHandler> = {
    [Commands.refresh]: () => {
      services.distributions.refresh();
      services.keys.refresh();
    },
    [Commands.loadMore]: (parent) => (parent as PagedParent).loadMore(),
    [Commands.refreshNode]: (node) => (node as TreeNode).refresh?.(),
    [Commands.copyDomain]: copyDomain,
    [Commands.copyBucketPolicy]: copyBucketPolicy,
    [Commands.openInConsole]: openInConsole,
    [Commands.showLog]: () => services.log.show(),
    [Commands.chooseProfile]: chooseProfile,
    [Commands.ssoLogin]: ssoLogin,
  };
  return Object.entries(table).map(([id, handler]) => registerCommand(id, handler, services.log));
}
