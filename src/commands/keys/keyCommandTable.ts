// The key commands for the one command table (commandTable.ts), each bound to its context.
import { Commands } from '../../constants';
import type { CommandHandler } from '../runCommand';
import { createKeyPair } from './createKeyPair/command';
import { deleteLocalKey, deletePublicKey } from './deleteKeys';
import { exportPrivateKey, exportPublicKey } from './exportKeys';
import { importPrivateKey } from './importPrivateKey';
import type { KeyCommandContext } from './keyCommandContext';
import { linkKey } from './linkKey';
import { rotateKey } from './rotateKey';

/** The ids of the key commands: the rest of the table is commandTable.ts's. */
export type KeyCommandId = (typeof Commands)['createKeyPair' | 'importPrivateKey' | 'exportPublicKey' | 'exportPrivateKey' | 'deleteLocalKey' | 'deletePublicKey' | 'rotateKey' | 'linkKey'];

export function keyCommandTable(context: KeyCommandContext): Record<KeyCommandId, CommandHandler> {
  return {
    [Commands.createKeyPair]: (...args) => createKeyPair(context, ...args),
    [Commands.importPrivateKey]: (...args) => importPrivateKey(context, ...args),
    [Commands.exportPublicKey]: (...args) => exportPublicKey(context, ...args),
    [Commands.exportPrivateKey]: (...args) => exportPrivateKey(context, ...args),
    [Commands.deleteLocalKey]: (...args) => deleteLocalKey(context, ...args),
    [Commands.deletePublicKey]: (...args) => deletePublicKey(context, ...args),
    [Commands.rotateKey]: (...args) => rotateKey(context, ...args),
    [Commands.linkKey]: (...args) => linkKey(context, ...args),
  };
}
