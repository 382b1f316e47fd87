// A row of the S3 Buckets view: one bucket of the profile, and whether a distribution of this account
// already serves it through an origin access control (OAC), through a legacy origin access identity,
// or with public bucket access. It shows "protected" (a lock) only when the bucket is served through
// an OAC AND nobody can read it straight from S3; a bucket served through an OAC that its policy still
// opens to anyone is a warning, with the fix in the tooltip and "Close Public Access" on the row.
// "Protect with CloudFront" runs on every row: it also adds a restricted behavior to a bucket that is
// served already.
import * as vscode from 'vscode';
import type { BucketSummary } from '../aws/s3Buckets';
import { ContextValues } from '../constants';
import type { TreeNode } from './treeNode';

/** Whether anyone can read the bucket straight from S3, as far as its policy and Block Public Access say. */
export type BucketExposure =
  | { readonly kind: 'closed' }
  /** `statements`: the Sids of the policy statements that let anyone read. */
  | { readonly kind: 'public'; readonly statements: readonly string[] }
  /** The policy or Block Public Access could not be read: `reason` says why. */
  | { readonly kind: 'unknown'; readonly reason: string };

/** How one distribution reads the bucket. */
export interface BucketServing {
  distributionId: string;
  access: 'oac' | 'oai' | 'public';
}

export class BucketNode implements TreeNode {
  constructor(
    readonly bucket: BucketSummary,
    /** The distributions whose S3 origins read this bucket; undefined when they could not be read. */
    readonly servedBy: readonly BucketServing[] | undefined,
    /** Read for buckets served through an OAC only; undefined otherwise. */
    readonly exposure?: BucketExposure,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.bucket.name, vscode.TreeItemCollapsibleState.None);
    item.id = `bucket/${this.bucket.name}`;
    const oac = this.servedBy?.filter((s) => s.access === 'oac') ?? [];
    const other = this.servedBy?.filter((s) => s.access !== 'oac') ?? [];
    const ids = (list: readonly BucketServing[]) => list.map((s) => s.distributionId).join(', ');
    if (this.servedBy === undefined) {
      item.description = vscode.l10n.t('distributions could not be read');
      item.iconPath = new vscode.ThemeIcon('database');
    } else if (oac.length > 0 && this.exposure?.kind === 'public') {
      item.description = vscode.l10n.t('served through OAC by {0} · readable by anyone in S3', ids(oac));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else if (oac.length > 0 && this.exposure?.kind === 'unknown') {
      item.description = vscode.l10n.t('served through OAC by {0} · public access not checked', ids(oac));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else if (oac.length > 0) {
      item.description = vscode.l10n.t('served through OAC by {0}', ids(oac));
      item.iconPath = new vscode.ThemeIcon('lock');
    } else if (other.length > 0) {
      item.description = vscode.l10n.t('served without OAC by {0}', ids(other));
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    } else {
      item.description = vscode.l10n.t('not served by CloudFront');
      item.iconPath = new vscode.ThemeIcon('database');
    }
    item.contextValue = oac.length === 0 ? ContextValues.bucket : this.exposure?.kind === 'public' ? ContextValues.bucketWithOacPublic : ContextValues.bucketWithOac;
    const lines = [`**${this.bucket.name}**`];
    if (this.bucket.region) lines.push(`${vscode.l10n.t('Region')}: ${this.bucket.region}`);
    if (this.bucket.created) lines.push(`${vscode.l10n.t('Created')}: ${this.bucket.created.toISOString()}`);
    for (const s of this.servedBy ?? []) {
      const how = s.access === 'oac' ? vscode.l10n.t('origin access control') : s.access === 'oai' ? vscode.l10n.t('legacy origin access identity') : vscode.l10n.t('public bucket access');
      lines.push(vscode.l10n.t('Distribution {0}: {1}', s.distributionId, how));
    }
    if (oac.length > 0) lines.push('', this.exposureLine());
    else if (other.length > 0) {
      lines.push(
        '',
        vscode.l10n.t('Not protected: CloudFront reads it without an origin access control, so S3 must let others read it too. Fix: "Protect with CloudFront" on this row puts it behind one.'),
      );
    }
    item.tooltip = new vscode.MarkdownString(lines.join('  \n'));
    item.accessibilityInformation = { label: vscode.l10n.t('Bucket {0}, {1}', this.bucket.name, String(item.description)) };
    return item;
  }

  /** What the row's state means for the bucket's files, with the fix when they are not protected. */
  private exposureLine(): string {
    switch (this.exposure?.kind) {
      case 'public':
        return vscode.l10n.t(
          'Not protected: anyone can read its objects straight from S3 (bucket policy statements {0}), so signed URLs protect nothing. Fix: "Close Public Access" on this row removes those statements and turns S3 Block Public Access on.',
          this.exposure.statements.join(', '),
        );
      case 'unknown':
        return vscode.l10n.t('Not known to be protected: {0}', this.exposure.reason);
      default:
        return vscode.l10n.t('Protected: only CloudFront reads it (through the origin access control); its policy lets nobody else read objects.');
    }
  }
}
