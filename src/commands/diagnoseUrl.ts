// "CloudFront: Diagnose Signed URL": why CloudFront grants or refuses a signed URL (or a URL with
// signed cookies). Reads what the account says about the URL's host and key, runs the pure diagnosis
// (src/signing/diagnose), and shows the findings as a markdown document. The live check, which sends
// the URL to the network, runs only when the user chooses it.
//
// Called with an options object `{ url, cookies?, viewerIp?, publicKey?, live? }` (automation, tests)
// it shows nothing and returns the findings as plain data `{ severity, code, message, fix }[]`. Called
// with a URL string (the CodeLens, the hover, "Diagnose" after signing) it diagnoses that URL as a
// person asked for it: no question for the URL, none for cookies when the URL carries its signature.
import type * as v from 'valibot';
import * as vscode from 'vscode';
import { Commands } from '../constants';
import { UserError } from '../errors';
import type { Logger } from '../log';
import { diagnose, keyPairIdOf, type DiagnoseInput, type Finding, type LiveAnswer } from '../signing/diagnose';
import type { Ui } from '../ui/ui';
import { readAccount, type AccountSources } from './diagnose/account';
import { requestLive } from './diagnose/liveRequest';
import { configuredHostAddresses } from './diagnose/hostAddressesSetting';
import { countBySeverity, DiagnosisDocuments, summarize, type DiagnosisReport } from './diagnose/view';
import { defineCommand, optionalFlag, optionalText, optionsObject, positionalText, requiredText } from './options';

export const DiagnoseUrlOptions = optionsObject({
  /** The signed URL, or the plain URL when `cookies` carry the signature. */
  url: requiredText('url', () => vscode.l10n.t('url is required: pass the signed URL to diagnose.')),
  /** A Cookie header, or `Set-Cookie:` lines, with the CloudFront-* cookies. */
  cookies: optionalText('cookies'),
  /** The viewer's IP address, for a policy's IpAddress condition. */
  viewerIp: optionalText('viewerIp'),
  /** A public key PEM to verify with when the account cannot be read. */
  publicKey: optionalText('publicKey'),
  /** Also request the URL and classify the answer (sends it to the network). */
  live: optionalFlag('live'),
});
type DiagnoseUrlOptions = v.InferOutput<typeof DiagnoseUrlOptions>;

export interface UrlDiagnosisServices extends AccountSources {
  readonly log: Logger;
  /** The Ui prompts and notifications go through (a scripted one in tests). */
  readonly ui: Ui;
}

const isAbsoluteUrl = (text: string): boolean => URL.canParse(text.trim());
/** A query parameter of a signed URL: such a URL carries its signature, not cookies. */
const SIGNED_URL_PARAMETER = /[?&](Signature|Policy|Key-Pair-Id)=/;

export class UrlDiagnosis implements vscode.Disposable {
  private readonly documents = new DiagnosisDocuments();

  constructor(private readonly services: UrlDiagnosisServices) {}

  /** The command handler: options in, findings out; or the interactive flow (for the URL it was called with). */
  readonly run = defineCommand(DiagnoseUrlOptions, (call) => {
    // Options diagnose as they are, findings out; a person's call asks for the URL (the one it was called with offered).
    const { answers } = call;
    return answers.url !== undefined ? this.diagnoseOptions({ ...answers, url: answers.url }) : this.diagnoseInteractively(positionalText(call.context));
  });

  /** Reads the account and diagnoses; `live` adds a live answer already obtained. */
  private async findings(options: DiagnoseUrlOptions, live?: LiveAnswer): Promise<Finding[]> {
    const url = options.url.trim();
    const input: DiagnoseInput = {
      url,
      ...(options.cookies ? { cookies: options.cookies } : {}),
      ...(options.viewerIp ? { viewerIp: options.viewerIp } : {}),
      ...(options.publicKey ? { publicKey: options.publicKey } : {}),
      ...(live ? { live } : {}),
    };
    const account = isAbsoluteUrl(url) ? await readAccount(this.services, url, keyPairIdOf(input)) : undefined;
    const findings = diagnose({ ...input, ...(account ? { account } : {}) });
    // Codes only: the URL, its signature and policy stay out of the log.
    const counts = countBySeverity(findings);
    this.services.log.info(
      `[diagnose] ${counts.error} errors, ${counts.warning} warnings: ${
        findings
          .filter((f) => f.severity !== 'ok')
          .map((f) => f.code)
          .join(', ') || 'none'
      }`,
    );
    return findings;
  }

  /** The live request, to the address the user mapped the host to (cloudfront.hostAddresses), if any. */
  private requestLive(options: DiagnoseUrlOptions): Promise<LiveAnswer> {
    return requestLive(options.url.trim(), { ...(options.cookies ? { cookies: options.cookies } : {}), addresses: configuredHostAddresses() });
  }

  private async diagnoseOptions(options: DiagnoseUrlOptions): Promise<Finding[]> {
    const live = options.live ? await this.requestLive(options) : undefined;
    return (await this.findings(options, live)).map(({ severity, code, message, fix }) => ({ severity, code, message, fix }));
  }

  /** `given`: the URL the caller passed; it is not asked for again. */
  private async diagnoseInteractively(given?: string): Promise<Finding[]> {
    const ui = this.services.ui;
    if (given !== undefined && !isAbsoluteUrl(given)) throw new UserError(vscode.l10n.t('url must be an absolute URL, starting with https://.'), 'url');
    const url = given?.trim() ?? (await this.askUrl(ui));
    // A URL that carries its own signature is diagnosed as a signed URL: no cookies to ask for.
    const cookies = SIGNED_URL_PARAMETER.test(url)
      ? ''
      : await ui.input({
          title: vscode.l10n.t('Diagnose Signed URL'),
          prompt: vscode.l10n.t('Signed cookies sent with the request: a Cookie header (CloudFront-Policy=…; CloudFront-Signature=…; CloudFront-Key-Pair-Id=…). Leave empty for a signed URL.'),
          placeholder: vscode.l10n.t('Optional'),
          position: given === undefined ? { step: 2, totalSteps: 2, canGoBack: false } : { step: 1, totalSteps: 1, canGoBack: false },
        });
    const options: DiagnoseUrlOptions = { url, ...(cookies.trim() ? { cookies } : {}) };
    let findings = await ui.withProgress(vscode.l10n.t('Diagnosing the signed URL'), () => this.findings(options));
    let report: DiagnosisReport = { url: options.url.trim(), withCookies: options.cookies !== undefined, findings, liveChecked: false };
    const document = await this.documents.open(report);
    const runLive = vscode.l10n.t('Run Live Check');
    // A bucket anyone can read: its fix is a command away.
    const exposed = findings.find((f) => f.protect)?.protect;
    const protect = vscode.l10n.t('Protect Bucket');
    const choice = await ui.notify(this.severityOf(findings), vscode.l10n.t('{0}. The live check requests the URL from the network.', summarize(findings)), runLive, ...(exposed ? [protect] : []));
    if (choice === protect && exposed) {
      // Through the command, with the distribution and behavior preselected: its wrapper reports the outcome.
      void Promise.resolve(vscode.commands.executeCommand(Commands.protectBucket, { interactive: true, ...exposed })).catch(() => undefined);
      return findings;
    }
    if (choice !== runLive) return findings;
    findings = await ui.withProgress(vscode.l10n.t('Requesting the URL'), async () => this.findings(options, await this.requestLive(options)));
    report = { ...report, findings, liveChecked: true };
    this.documents.update(document, report);
    void ui.notify(this.severityOf(findings), vscode.l10n.t('Live check done: {0}.', summarize(findings)));
    return findings;
  }

  private async askUrl(ui: Ui): Promise<string> {
    // No value from the clipboard: reading it in a browser asks for permission or fails with a
    // notification before the box shows. The paste button reads it when the user asks.
    return ui.input({
      title: vscode.l10n.t('Diagnose Signed URL'),
      prompt: vscode.l10n.t('The signed URL as the client requests it (or the plain URL, when signed cookies carry the signature).'),
      placeholder: 'https://d111111abcdef8.cloudfront.net/private/file.pdf?Expires=…&Signature=…&Key-Pair-Id=…',
      offerPaste: true,
      validate: (value) => (isAbsoluteUrl(value) ? undefined : vscode.l10n.t('Enter an absolute URL, starting with https://.')),
      position: { step: 1, totalSteps: 2, canGoBack: false },
    });
  }

  private severityOf(findings: readonly Finding[]): 'info' | 'warning' | 'error' {
    const { error, warning } = countBySeverity(findings);
    return error > 0 ? 'error' : warning > 0 ? 'warning' : 'info';
  }

  dispose(): void {
    this.documents.dispose();
  }
}
