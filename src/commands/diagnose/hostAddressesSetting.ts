// Reads the `cloudfront.hostAddresses` setting for the live checks (Verify Protection, Diagnose's live
// check, and any other check that requests a distribution). Only the user and machine values count:
// the setting redirects requests, which a workspace must never do, so a workspace value is ignored even
// when VS Code hands one over. The parsing is pure (src/signing/hostAddresses.ts).
import * as vscode from 'vscode';
import { Settings } from '../../constants';
import { UserError } from '../../errors';
import { HOST_ADDRESSES_SETTING, parseHostAddresses, type HostAddresses } from '../../signing/hostAddresses';

/** The map from a host to the address the checks connect to; a value that cannot be used is refused, naming the entry. */
export function configuredHostAddresses(): HostAddresses {
  const value = vscode.workspace.getConfiguration(Settings.section).inspect<unknown>(Settings.hostAddresses)?.globalValue;
  const { addresses, problems } = parseHostAddresses(value);
  if (problems.length > 0) throw new UserError(vscode.l10n.t('{0} (user settings)', problems[0]), HOST_ADDRESSES_SETTING);
  return addresses;
}
