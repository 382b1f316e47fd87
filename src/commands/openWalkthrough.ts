// "Get Started" in the views' title menus and welcome content: the walkthrough, in the editor area.
// A command of its own, since commands may not import the activation code (src/walkthrough.ts).
import * as vscode from 'vscode';
import { EXTENSION_ID, WALKTHROUGH_ID } from '../constants';

export async function openWalkthrough(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
}
