// An origin of a distribution: S3 (with origin access control or a legacy identity) or custom. An S3
// origin expands into the objects of its bucket, under its origin path. One with neither control nor
// identity is a warning: its bucket must be public, so its files need no signed URL.
import * as vscode from 'vscode';
import { bucketOfOrigin } from '../aws/bucketPolicy';
import type { DistributionSummary, OriginSummary } from '../aws/cloudFrontService';
import { originKeyPrefix } from '../aws/objectUrl';
import { ContextValues } from '../constants';
import type { DistributionTreeContext } from './distributionTreeContext';
import { S3Listing } from './s3Nodes';
import type { TreeNode } from './treeNode';

export class OriginNode implements TreeNode {
  private readonly listing: S3Listing | undefined;
  private readonly bucket: string | undefined;

  constructor(
    readonly distribution: DistributionSummary,
    readonly origin: OriginSummary,
    context: DistributionTreeContext,
  ) {
    this.bucket = origin.kind === 's3' ? bucketOfOrigin(origin) : undefined;
    this.listing = this.bucket ? new S3Listing({ distribution, origin, bucket: this.bucket }, originKeyPrefix(origin), context, () => this) : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.origin;
    const item = new vscode.TreeItem(o.id, this.listing ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `distribution/${this.distribution.id}/origin/${o.id}`;
    let access: string;
    let risk: string | undefined;
    if (o.kind === 'custom') {
      access = vscode.l10n.t('custom origin');
      item.contextValue = ContextValues.originCustom;
      item.iconPath = new vscode.ThemeIcon('server');
    } else {
      item.iconPath = new vscode.ThemeIcon('database');
      if (o.originAccessControlId) {
        access = vscode.l10n.t('S3 · origin access control {0}', o.originAccessControlId);
        item.contextValue = ContextValues.originS3WithOac;
      } else if (o.originAccessIdentity) {
        access = vscode.l10n.t('S3 · legacy origin access identity {0}', o.originAccessIdentity.replace(/^origin-access-identity\/cloudfront\//, ''));
        item.contextValue = ContextValues.originS3;
      } else {
        // Neither OAC nor OAI (isPublicS3Origin): the bucket must be public, signed URLs protect nothing.
        access = vscode.l10n.t('S3 · public bucket access (no OAC)');
        item.contextValue = ContextValues.originS3;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        risk = publicBucketWarning(this.bucket ?? o.domainName);
      }
    }
    const lines = [`**${o.id}**`, `${vscode.l10n.t('Domain')}: \`${o.domainName}\``, `${vscode.l10n.t('Origin path')}: \`${o.originPath || '/'}\``, access];
    if (risk) lines.push(`$(warning) ${risk}`);
    item.description = `${o.domainName}${o.originPath} · ${access}`;
    item.tooltip = new vscode.MarkdownString(lines.join('  \n'), true);
    item.accessibilityInformation = { label: vscode.l10n.t('Origin {0}, {1}', o.id, String(item.description)) };
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.listing ? this.listing.rows() : Promise.resolve([]);
  }

  refresh(): void {
    this.listing?.refresh();
  }
}

/** Why an S3 origin without OAC or OAI is a risk, and the fix, for its tooltip. */
function publicBucketWarning(bucket: string): string {
  return vscode.l10n.t(
    'Anyone can fetch these files straight from S3, without a signed URL: CloudFront reads bucket {0} anonymously, so the bucket must allow public reads. Fix: create an origin access control (CloudFront console: Origin access → Create control setting, origin type S3) and choose it for this origin; once this row shows it, "Copy Bucket Policy" gives the bucket policy that lets it read the bucket. Then turn on S3 Block Public Access for the bucket.',
    bucket,
  );
}
