// Shows a diagnosis as a read-only markdown document (a virtual document of our own scheme, opened in
// the markdown preview): a summary, then errors, warnings and passed checks, each with its fix. The
// document updates in place when the live check adds its findings.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { showDocument } from '../../ui/workbench';
import type { Finding, Severity } from '../../signing/diagnose';

export const DIAGNOSIS_SCHEME = 'cloudfront-diagnosis';

export interface DiagnosisReport {
  readonly url: string;
  readonly withCookies: boolean;
  readonly findings: readonly Finding[];
  /** Whether the live check ran (its findings are among `findings`). */
  readonly liveChecked: boolean;
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]<>#|~]/;
const TRAILING_PUNCTUATION = /[.,;:)]+$/;

/** `text` as one inline code span: shown as written, wrapped by the preview where it is too long for a line. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  return fence.length > 1 || text.startsWith(' ') || text.endsWith(' ') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * A finding's prose for markdown. URLs, paths, patterns and policies (any word with a character
 * markdown would act on, a "://" or a leading /) become code spans, shown exactly as written and
 * without backslashes; the other words have nothing to escape.
 */
export function markdownText(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word) => {
      if (!word.trim() || !(MARKDOWN_SPECIAL.test(word) || word.includes('://') || word.startsWith('/'))) return word;
      const open = /^[("]*/.exec(word)?.[0] ?? '';
      const rest = word.slice(open.length);
      const close = TRAILING_PUNCTUATION.exec(rest)?.[0] ?? '';
      const code = rest.slice(0, rest.length - close.length);
      return code ? `${open}${codeSpan(code)}${close}` : word;
    })
    .join('');
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, ok: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** "2 errors, 1 warning, 5 checks passed" */
export function summarize(findings: readonly Finding[]): string {
  const { error, warning, ok } = countBySeverity(findings);
  return vscode.l10n.t('{0} error(s), {1} warning(s), {2} check(s) passed', error, warning, ok);
}

export function renderDiagnosis(report: DiagnosisReport): string {
  const sections: Array<[Severity, string, string]> = [
    ['error', vscode.l10n.t('Errors: CloudFront refuses the request'), '✖'],
    ['warning', vscode.l10n.t('Warnings'), '⚠'],
    ['ok', vscode.l10n.t('Passed'), '✔'],
  ];
  const lines = [
    `# ${vscode.l10n.t('Signed URL diagnosis')}`,
    '',
    // A code span in a paragraph, not a code block: the preview wraps a long URL instead of clipping it.
    codeSpan(report.url),
    '',
    report.withCookies ? vscode.l10n.t('With the signed cookies given.') : '',
    '',
    `**${summarize(report.findings)}.** ${
      report.liveChecked
        ? vscode.l10n.t('The live check ran: its answer is among the findings.')
        : vscode.l10n.t('The live check has not run: it requests the URL from the network, so it runs only when you choose Run Live Check.')
    }`,
  ];
  for (const [severity, title, mark] of sections) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push('', `## ${title}`, '');
    for (const finding of findings) {
      lines.push(`- ${mark} **${finding.code}**: ${markdownText(finding.message)}`);
      if (finding.fix) lines.push(`  ${severity === 'ok' ? '' : `*${vscode.l10n.t('Fix')}:* `}${markdownText(finding.fix)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The virtual documents of the diagnoses shown in this window. */
export class DiagnosisDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly contents = new Map<string, string>();
  private readonly registration: vscode.Disposable;
  private count = 0;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DIAGNOSIS_SCHEME, this);
  }

  /** Undefined for a URI this instance did not make, so another provider of the scheme can answer. */
  provideTextDocumentContent(uri: vscode.Uri): string | undefined {
    return this.contents.get(uri.toString());
  }

  /** Opens a new diagnosis in the markdown preview (or as text where the preview is unavailable). */
  async open(report: DiagnosisReport): Promise<vscode.Uri> {
    const uri = vscode.Uri.from({ scheme: DIAGNOSIS_SCHEME, path: `/Diagnosis ${++this.count}.md`, query: randomUUID() });
    this.contents.set(uri.toString(), renderDiagnosis(report));
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await showDocument(uri);
    }
    return uri;
  }

  update(uri: vscode.Uri, report: DiagnosisReport): void {
    this.contents.set(uri.toString(), renderDiagnosis(report));
    this.changed.fire(uri);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
