// An origin of a distribution: S3 (with origin access control or a legacy identity) or custom. An S3
// origin expands into the objects of its bucket, under its origin path.
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

  constructor(
    readonly distribution: DistributionSummary,
    readonly origin: OriginSummary,
    context: DistributionTreeContext,
  ) {
    const bucket = origin.kind === 's3' ? bucketOfOrigin(origin) : undefined;
    this.listing = bucket ? new S3Listing({ distribution, origin, bucket }, originKeyPrefix(origin), context, () => this) : undefined;
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.origin;
    const item = new vscode.TreeItem(o.id, this.listing ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `distribution/${this.distribution.id}/origin/${o.id}`;
    let access: string;
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
        access = vscode.l10n.t('S3 · public bucket access (no OAC)');
        item.contextValue = ContextValues.originS3;
      }
    }
    item.description = `${o.domainName}${o.originPath} · ${access}`;
    item.tooltip = new vscode.MarkdownString(
      [`**${o.id}**`, `${vscode.l10n.t('Domain')}: \`${o.domainName}\``, `${vscode.l10n.t('Origin path')}: \`${o.originPath || '/'}\``, access].join('  \n'),
    );
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
