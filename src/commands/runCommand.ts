// The one wrapper every command runs in: log once, tell the user what to do next, stay silent on
// cancel. A command called with an options object (automation, other extensions, tests; see
// invocation.ts for how a call is told apart) rejects with the error instead, so its caller learns which input was wrong; interactive calls (palette, menus,
// tree rows) get the same message as a notification.
import * as vscode from 'vscode';
import { configuredProfile } from '../aws/profileSetting';
import { classifyAwsError, describeAwsError } from '../aws/describeAwsError';
import { Commands } from '../constants';
import { isCancellation } from '../errors';
import { describeError, type Logger } from '../log';
import { showErrorWithAction } from '../ui/workbench';
import { decidedArguments, invocationOf } from './invocation';

export type CommandHandler = (...args: unknown[]) => unknown;

/**
 * Errors whose message is written for the user (it names the input and the fix). Matched by name:
 * the features bundle (dist/features.js) has its own copies of the error classes.
 */
function isUserFacing(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'UserError' || error.name === 'SigningError');
}

export function registerCommand(id: string, handler: CommandHandler, log: Logger): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    // Decided here, once: the command takes this decision (decidedArguments) instead of the arguments.
    const invocation = invocationOf(args);
    // Automation's caller gets the error itself, so it learns which input was wrong; a person gets a message.
    const fail = invocation.kind === 'automation' ? rethrow : tellPerson;
    try {
      return await handler(...decidedArguments(invocation));
    } catch (error) {
      if (!isCancellation(error)) log.error(`[${id}] failed`, error);
      return fail(id, error);
    }
  });
}

function rethrow(_id: string, error: unknown): never {
  throw error;
}

/** Silent on cancel; otherwise shown in words that say what to do next. */
function tellPerson(id: string, error: unknown): undefined {
  if (isCancellation(error)) return undefined;
  if (classifyAwsError(error) === 'ssoExpired') {
    const profile = configuredProfile() ?? 'default';
    const signIn = vscode.l10n.t('Run aws sso login');
    void showErrorWithAction(describeAwsError(error, id, profile).message, signIn).then((taken) => {
      if (taken) void vscode.commands.executeCommand(Commands.ssoLogin, profile);
    });
    return undefined;
  }
  // AWS failures (access denied, no credentials, network) get the sentence that says what to do.
  const aws = classifyAwsError(error) !== 'other' ? describeAwsError(error, id, configuredProfile()).message : undefined;
  const message = aws ?? (isUserFacing(error) ? error.message : vscode.l10n.t('Unexpected error: {0}', describeError(error)));
  const showLog = vscode.l10n.t('Show Log');
  void showErrorWithAction(message, showLog).then((taken) => {
    if (taken) void vscode.commands.executeCommand(Commands.showLog);
  });
  return undefined;
}
