// The stream a person's call is about: a .m3u8 / .mpd URL passed as the command's value, the object's
// row in a view (its viewer URL), a playlist file of the workspace (read from its folder, with the
// URL it is served at asked), or a URL typed (the editor's selection offered first).
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { UserError } from '../../errors';
import type { Ui } from '../../ui/ui';
import type { LocalPlaylist } from './streamSource';

export interface StreamEntry {
  readonly url: string;
  readonly local?: LocalPlaylist;
}

export function streamUrlProblem(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (!/^https?:$/.test(url.protocol)) return vscode.l10n.t('Use an http or https URL');
    return undefined;
  } catch {
    return vscode.l10n.t('Type the URL of a playlist or manifest, such as https://media.example.com/hls/movie/master.m3u8');
  }
}

/** A URL option, checked: the message names the option and the fix. */
export function checkedStreamUrl(value: string, input = 'url'): string {
  const problem = streamUrlProblem(value);
  if (problem) throw new UserError(vscode.l10n.t('{0} is not a stream URL: {1}.', value, problem), input);
  return value.trim();
}

const looksLikeStream = (text: string) => /^https?:\/\/\S+\.(m3u8|mpd)(\?\S*)?$/i.test(text);

export async function streamEntry(ui: Ui, given: unknown, title: string): Promise<StreamEntry> {
  if (typeof given === 'string') return { url: checkedStreamUrl(given) };
  if (given instanceof vscode.Uri) {
    if (given.scheme !== 'file') throw new UserError(vscode.l10n.t('Open a playlist saved on this machine, or pass its URL.'), 'file');
    const name = given.path.split('/').pop() ?? '';
    const url = await ui.input({
      title,
      prompt: vscode.l10n.t('The URL {0} is served at: its relative URIs resolve against it, and its other playlists are read from its folder', name),
      placeholder: `https://media.example.com/hls/movie/${name}`,
      validate: streamUrlProblem,
    });
    const served = url.trim();
    return { url: served, local: { baseUrl: served.slice(0, served.lastIndexOf('/') + 1), folder: dirname(given.fsPath) } };
  }
  const rowUrl = (given as { url?: unknown } | undefined)?.url;
  if (typeof rowUrl === 'string') return { url: checkedStreamUrl(rowUrl) };
  const selected = ui.selection();
  return {
    url: (
      await ui.input({
        title,
        prompt: vscode.l10n.t('The URL of the master playlist (.m3u8) or manifest (.mpd)'),
        placeholder: 'https://media.example.com/hls/movie/master.m3u8',
        ...(looksLikeStream(selected) ? { value: selected } : {}),
        validate: streamUrlProblem,
        offerPaste: true,
      })
    ).trim(),
  };
}
