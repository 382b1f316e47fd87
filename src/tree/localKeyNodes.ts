// Rows for private keys on this machine that no CloudFront public key lists: not uploaded yet (a
// wizard stopped midway), a public key that no longer exists, or a legacy key pair id (APKA…), which
// ListPublicKeys never returns.
import * as vscode from 'vscode';
import { isLegacyKeyPairId } from '../cloudfront/rules';
import type { LocalKey } from '../keys/keyStore';
import { privateKeyPlace, type PrivateKeyPlace } from '../ui/privateKeyPlace';
import { localKeyContext } from './privateKeyPlace';
import type { TreeNode } from './treeNode';

export class LocalKeyNode implements TreeNode {
  constructor(
    readonly localKey: LocalKey,
    /** Where its private key lives (this machine, AWS, or not readable in this window). */
    readonly place: PrivateKeyPlace = privateKeyPlace(localKey, true),
  ) {}

  getTreeItem(): vscode.TreeItem {
    const key = this.localKey;
    const place = this.place;
    const item = new vscode.TreeItem(key.name, vscode.TreeItemCollapsibleState.None);
    item.id = `localKey/${key.fingerprint}`;
    item.contextValue = localKeyContext(place);
    const legacy = key.publicKeyId !== undefined && isLegacyKeyPairId(key.publicKeyId);
    // Where the private key lives first and short (the tooltip says it whole): a narrow side bar never cuts it off.
    item.description = !key.publicKeyId
      ? vscode.l10n.t('{0} · not uploaded to CloudFront', place.short)
      : legacy
        ? vscode.l10n.t('{0} · {1} · legacy key pair', place.short, key.publicKeyId)
        : vscode.l10n.t('{0} · {1} · public key no longer exists in CloudFront', place.short, key.publicKeyId);
    item.iconPath = legacy && place.kind === 'local' ? new vscode.ThemeIcon('key') : new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = new vscode.MarkdownString(
      [
        `**${key.name}**`,
        `${vscode.l10n.t('Fingerprint (SHA-256)')}: \`${key.fingerprint}\``,
        `${vscode.l10n.t('Created')}: ${key.created}`,
        `${vscode.l10n.t('Private key')}: ${place.label}`,
        !key.publicKeyId
          ? vscode.l10n.t('Not uploaded to CloudFront.')
          : legacy
            ? vscode.l10n.t('Legacy key pair {0}.', key.publicKeyId)
            : vscode.l10n.t('Public key {0} no longer exists in CloudFront.', key.publicKeyId),
      ].join('  \n'),
    );
    item.accessibilityInformation = { label: vscode.l10n.t('Local private key {0}, {1}, {2}', key.name, String(item.description), place.description) };
    return item;
  }
}

export class LocalKeysWithoutPublicKeyNode implements TreeNode {
  constructor(
    private readonly keys: LocalKey[],
    private readonly places: ReadonlyMap<string, PrivateKeyPlace> = new Map(),
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Private keys without a CloudFront public key'), vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'localKeysWithoutPublicKey';
    item.description = String(this.keys.length);
    item.iconPath = new vscode.ThemeIcon('lock');
    item.tooltip = vscode.l10n.t("Private keys in VS Code's secret storage whose public key CloudFront does not list.");
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.keys.map((key) => new LocalKeyNode(key, this.places.get(key.fingerprint))));
  }
}
