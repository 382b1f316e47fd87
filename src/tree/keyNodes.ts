// Rows of the Keys view: key groups, the public keys they hold, and public keys in no group.
import * as vscode from 'vscode';
import type { KeyGroupSummary, PublicKeySummary } from '../aws/cloudFrontService';
import { KEYS_PER_KEY_GROUP } from '../cloudfront/rules';
import { ContextValues } from '../constants';
import type { PrivateKeyPlace } from '../ui/privateKeyPlace';
import { placeIcon, publicKeyContext } from './privateKeyPlace';
import type { TreeNode } from './treeNode';

export class PublicKeyNode implements TreeNode {
  constructor(
    readonly publicKey: PublicKeySummary,
    private readonly parentId: string,
    /** Where its private key lives, when a listed key signs as it. */
    readonly place?: PrivateKeyPlace,
  ) {}

  getTreeItem(): vscode.TreeItem {
    const key = this.publicKey;
    const item = new vscode.TreeItem(key.name || key.id, vscode.TreeItemCollapsibleState.None);
    item.id = `${this.parentId}/publicKey/${key.id}`;
    const created = key.created ? key.created.toISOString().slice(0, 10) : undefined;
    // Where the private key lives comes first and short, so a narrow side bar never cuts it off; the tooltip says it whole.
    item.description = this.place ? `${this.place.short} · ${key.id}` : [key.id, created].filter(Boolean).join(' · ');
    item.iconPath = placeIcon(this.place);
    item.contextValue = publicKeyContext(this.place);
    item.tooltip = new vscode.MarkdownString(
      [
        `**${key.name}**`,
        `${vscode.l10n.t('Public key ID')}: \`${key.id}\``,
        key.created ? `${vscode.l10n.t('Created')}: ${key.created.toISOString()}` : '',
        key.comment ? `${vscode.l10n.t('Comment')}: ${key.comment}` : '',
        this.place ? `${vscode.l10n.t('Private key')}: ${this.place.label}` : '',
      ]
        .filter(Boolean)
        .join('  \n'),
    );
    item.accessibilityInformation = { label: [vscode.l10n.t('Public key {0}, {1}', key.name, key.id), this.place?.description].filter(Boolean).join(', ') };
    return item;
  }
}

/** A public key id that a key group names but ListPublicKeys did not return. */
class MissingPublicKeyNode implements TreeNode {
  constructor(private readonly id: string) {}
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.id, vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('not found among the public keys');
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    return item;
  }
}

export class KeyGroupNode implements TreeNode {
  constructor(
    readonly keyGroup: KeyGroupSummary,
    private readonly publicKeys: ReadonlyMap<string, PublicKeySummary>,
    /** Where the private key of each public key id lives, for those a listed key signs as. */
    private readonly places: ReadonlyMap<string, PrivateKeyPlace> = new Map(),
  ) {}

  getTreeItem(): vscode.TreeItem {
    const group = this.keyGroup;
    const item = new vscode.TreeItem(group.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `keyGroup/${group.id}`;
    const used = group.publicKeyIds.length;
    item.description = vscode.l10n.t('{0} · {1} of {2} keys', group.id, used, KEYS_PER_KEY_GROUP);
    item.iconPath = new vscode.ThemeIcon('shield');
    item.contextValue = ContextValues.keyGroup;
    item.tooltip = new vscode.MarkdownString([`**${group.name}**`, `${vscode.l10n.t('Key group ID')}: \`${group.id}\``, group.comment].filter(Boolean).join('  \n'));
    item.accessibilityInformation = { label: vscode.l10n.t('Key group {0}, {1} of {2} keys', group.name, used, KEYS_PER_KEY_GROUP) };
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    const parentId = `keyGroup/${this.keyGroup.id}`;
    return Promise.resolve(
      this.keyGroup.publicKeyIds.map((id) => {
        const key = this.publicKeys.get(id);
        return key ? new PublicKeyNode(key, parentId, this.places.get(id)) : new MissingPublicKeyNode(id);
      }),
    );
  }
}

/** "Public keys in no key group": they can verify nothing until a group holds them. */
export class UngroupedKeysNode implements TreeNode {
  constructor(
    private readonly keys: PublicKeySummary[],
    private readonly places: ReadonlyMap<string, PrivateKeyPlace> = new Map(),
  ) {}

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Public keys in no key group'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = 'ungroupedPublicKeys';
    item.description = String(this.keys.length);
    item.iconPath = new vscode.ThemeIcon('key');
    item.tooltip = vscode.l10n.t('CloudFront accepts signatures only from public keys in a key group that a cache behavior trusts.');
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return Promise.resolve(this.keys.map((key) => new PublicKeyNode(key, 'ungroupedPublicKeys', this.places.get(key.id))));
  }
}
