// Option schemas the key commands share: CloudFront's name rule and the key algorithms.
import * as v from 'valibot';
import * as vscode from 'vscode';
import { KEY_ALGORITHMS } from '../../keys/algorithms';
import { mustBeString } from '../options';
import { nameProblem } from './createKeyPair/prompts';

/** A CloudFront name option (`what`: "public key", "key group"), refused with "OPTION: the rule: value". */
export function nameOption(option: string, what: () => string) {
  return v.pipe(
    v.string(mustBeString(option)),
    v.check(
      (value) => !nameProblem(value, what()),
      (issue) => `${option}: ${nameProblem(issue.input, what())}`,
    ),
  );
}

export const algorithmOption = v.picklist(KEY_ALGORITHMS, () => vscode.l10n.t('algorithm must be RSA_2048 or ECDSA_P256.'));
