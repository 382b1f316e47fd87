// A hover and a CodeLens on signed CloudFront URLs in any editor: the key that signed it (and its
// local name), the hash algorithm, the resource, and its expiry in words, with a link to diagnose.
import * as vscode from 'vscode';
import { localizedExpiry } from '../ui/expiryWords';
import { Commands } from '../constants';
import type { KeyStore } from '../keys/keyStore';
import { privateKeyPlace } from '../ui/privateKeyPlace';
import { parseSignedUrl } from '../signing';
import { findUrls, summarizeSignedUrl, type SignedUrlSummary } from '../signing/output';
import { SIGNED_URL_PARAMETER } from './signedUrlDocuments';

/** Past this many, a document gets no more lenses: a 10,000-segment playlist stays readable. */
const MAX_LENSES = 200;

function summarize(url: string): SignedUrlSummary | undefined {
  try {
    return summarizeSignedUrl(parseSignedUrl(url), Math.floor(Date.now() / 1000));
  } catch {
    return undefined; // not a well-formed signed URL: the diagnosis, not the hover, explains why
  }
}

function signedUrlsIn(text: string, offset: number, document: vscode.TextDocument): Array<{ range: vscode.Range; url: string }> {
  if (!SIGNED_URL_PARAMETER.test(text)) return [];
  return findUrls(text)
    .filter((o) => SIGNED_URL_PARAMETER.test(o.url))
    .map((o) => ({ range: new vscode.Range(document.positionAt(offset + o.start), document.positionAt(offset + o.end)), url: o.url }));
}

/** "SHA-256" or "SHA-1": what the CodeLens says. */
const hashName = (summary: SignedUrlSummary): string => (summary.hashAlgorithm === 'SHA256' ? 'SHA-256' : 'SHA-1');

/** The hash in the hover, with the parameter that says it (absent: CloudFront assumes SHA-1). */
function hashWords(summary: SignedUrlSummary): string {
  return summary.hashAlgorithm === 'SHA256' ? vscode.l10n.t('SHA-256 (Hash-Algorithm=SHA256)') : vscode.l10n.t('SHA-1 (no Hash-Algorithm parameter: CloudFront assumes SHA-1)');
}

function diagnoseCommand(url: string): vscode.Command {
  return { command: Commands.diagnoseUrl, title: vscode.l10n.t('Diagnose'), arguments: [url] };
}

export class SignedUrlHover implements vscode.HoverProvider {
  constructor(private readonly keyStore: KeyStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line);
    const found = signedUrlsIn(line.text, document.offsetAt(line.range.start), document).find((u) => u.range.contains(position));
    if (!found) return undefined;
    const summary = summarize(found.url);
    if (!summary) return undefined;
    const local = this.keyStore.find(summary.keyPairId);
    const markdown = new vscode.MarkdownString(undefined, true);
    markdown.isTrusted = { enabledCommands: [Commands.diagnoseUrl] };
    markdown.appendMarkdown(`**${vscode.l10n.t('Signed CloudFront URL')}** — ${summary.expired ? '$(error) ' : ''}${localizedExpiry(summary.expires, Math.floor(Date.now() / 1000))}\n\n`);
    const rows: Array<[string, string]> = [
      // Where the key signs from: this machine, AWS KMS, Secrets Manager or SSM (the Keys view's words).
      [vscode.l10n.t('Key'), `\`${summary.keyPairId}\`${local ? ` (${local.name}, ${privateKeyPlace(local, true).description})` : ''}`],
      [vscode.l10n.t('Hash algorithm'), hashWords(summary)],
      [vscode.l10n.t('Policy'), summary.policyKind],
      [vscode.l10n.t('Resource'), `\`${summary.resource}\``],
      [vscode.l10n.t('Expires'), new Date(summary.expires * 1000).toISOString()],
    ];
    if (summary.activeFrom !== undefined) rows.push([vscode.l10n.t('Valid from'), new Date(summary.activeFrom * 1000).toISOString()]);
    if (summary.ipRange) rows.push([vscode.l10n.t('Viewer IP range'), summary.ipRange]);
    markdown.appendMarkdown(rows.map(([name, value]) => `${name}: ${value}`).join('  \n'));
    const args = encodeURIComponent(JSON.stringify([found.url]));
    markdown.appendMarkdown(`\n\n[$(search) ${vscode.l10n.t('Diagnose this URL')}](command:${Commands.diagnoseUrl}?${args})`);
    return new vscode.Hover(markdown, found.range);
  }
}

export class SignedUrlCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    return signedUrlsIn(text, 0, document)
      .slice(0, MAX_LENSES)
      .flatMap(({ range, url }) => {
        const summary = summarize(url);
        if (!summary) return [];
        const title = `CloudFront: ${summary.keyPairId} · ${hashName(summary)} · ${localizedExpiry(summary.expires, Math.floor(Date.now() / 1000))}`;
        return [new vscode.CodeLens(range, { ...diagnoseCommand(url), title })];
      });
  }
}
