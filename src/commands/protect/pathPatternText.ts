// CloudFront's path pattern rule (src/cloudfront/pathPattern.ts) in the user's words: the same
// sentence under the input box while a person types and, prefixed with the option's name, as the
// refusal of an options object.
import * as vscode from 'vscode';
import { MAX_PATH_PATTERN_LENGTH, pathPatternProblem } from '../../cloudfront/pathPattern';

/** Why CloudFront would refuse `pattern` as a path pattern, with the fix; undefined when it takes it. */
export function pathPatternRefusal(pattern: string): string | undefined {
  const problem = pathPatternProblem(pattern);
  switch (problem?.kind) {
    case undefined:
      return undefined;
    case 'empty':
      return vscode.l10n.t('Enter a path pattern such as /private/*.');
    case 'tooLong':
      return vscode.l10n.t('The path pattern has {0} characters; CloudFront takes at most {1}.', problem.length, MAX_PATH_PATTERN_LENGTH);
    case 'characters':
      return vscode.l10n.t(
        'CloudFront does not take {0} in a path pattern ({1}). Use letters, digits, _ - . $ / ~ " \' @ : + , & and the wildcards * (any characters) and ? (one character), for example /private-files/*.pdf.',
        problem.characters.join(' '),
        pattern,
      );
  }
}
