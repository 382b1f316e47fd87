// What commands show outside a prompt: a generated text or a report in an editor, a page in the
// browser, a word in the status bar, a terminal, an error notification with one action. Commands
// never reach `vscode.window` or `vscode.env` themselves (eslint.config.mjs refuses it in
// src/commands): prompts go through the `Ui` seam (ui.ts), which tests script; these are the
// workbench's own, so tests see the real editors and documents.
import * as vscode from 'vscode';

/** Opens `content` in a new untitled editor; a language VS Code does not know (Terraform without its extension) is shown as plain text. */
export async function showText(content: string, languageId: string): Promise<vscode.TextEditor> {
  const language = (await vscode.languages.getLanguages()).includes(languageId) ? languageId : 'plaintext';
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language, content }));
}

/** Shows the document at `uri` in an editor of its own (not the preview tab). */
export async function showDocument(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false });
}

/**
 * The editor of the document a command was called on: the one its Uri names (the editor context menu,
 * the explorer; shown when no editor shows it yet), else the active editor.
 */
export async function editorOf(target: unknown): Promise<vscode.TextEditor | undefined> {
  if (!(target instanceof vscode.Uri)) return vscode.window.activeTextEditor;
  const active = vscode.window.activeTextEditor;
  if (active?.document.uri.toString() === target.toString()) return active;
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  return visible ?? vscode.window.showTextDocument(target);
}

/** Opens `uri` in the browser (or the app that handles it); true when it was opened. */
export async function openExternal(uri: vscode.Uri): Promise<boolean> {
  return vscode.env.openExternal(uri);
}

/** A short confirmation in the status bar ("Copied d111.cloudfront.net"), gone after three seconds. */
export function flashStatus(message: string): void {
  vscode.window.setStatusBarMessage(message, 3000);
}

/** Runs `commandLine` in a new terminal the user sees. */
export function runInTerminal(name: string, commandLine: string): void {
  const terminal = vscode.window.createTerminal({ name });
  terminal.show();
  terminal.sendText(commandLine);
}

/** An error notification with one action; resolves true when the user takes it. */
export async function showErrorWithAction(message: string, action: string): Promise<boolean> {
  return (await vscode.window.showErrorMessage(message, action)) === action;
}
