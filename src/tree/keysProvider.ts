// The "Keys" view: key groups with their public keys, then public keys in no group. With no key
// group and no public key it has no rows, and VS Code shows the view's welcome content instead.
import * as vscode from 'vscode';
import type { CloudFrontSource } from '../aws/awsSession';
import type { PublicKeySummary } from '../aws/cloudFrontService';
import { classifyAwsError, tagFailure } from '../aws/describeAwsError';
import { ContextKeys } from '../constants';
import type { KeyGroupDirectory } from '../aws/keyGroupDirectory';
import { Lazy } from '../lazy';
import { readAllPages } from '../aws/readAllPages';
import type { Logger } from '../log';
import type { KeyStore, MutableKeyStore } from '../keys/keyStore';
import { KeyGroupNode, UngroupedKeysNode } from './keyNodes';
import { LocalKeysWithoutPublicKeyNode } from './localKeyNodes';
import { privateKeyPlaces, type PrivateKeyPlace } from '../ui/privateKeyPlace';
import { awsFailureRow, setViewState, type PagedParent } from './rows';
import type { TreeNode } from './treeNode';

export class KeysProvider implements vscode.TreeDataProvider<TreeNode>, PagedParent, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly publicKeys: Lazy<PublicKeySummary[]>;
  private readonly sessionListener: vscode.Disposable;
  private readonly localKeysListener: vscode.Disposable | undefined;

  constructor(
    private readonly source: CloudFrontSource,
    private readonly keyGroups: KeyGroupDirectory,
    private readonly log: Logger,
    /** Listed keys: marks their public keys with where the private key lives, and lists those CloudFront does not. */
    private readonly localKeys?: KeyStore & Pick<MutableKeyStore, 'hasPrivateKey'>,
  ) {
    this.publicKeys = new Lazy(async () => {
      const service = await source.cloudFront();
      return readAllPages((marker) => service.listPublicKeys(marker));
    });
    this.sessionListener = vscode.Disposable.from(
      source.onDidChange(() => this.refresh()),
      source.onDidWrite((write) => {
        if (write.resource === 'keyGroup' || write.resource === 'publicKey') this.refresh();
      }),
    );
    this.localKeysListener = localKeys?.onDidChange(() => this.changed.fire(undefined));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    try {
      const [groups, keys] = await Promise.all([tagFailure('cloudfront:ListKeyGroups', this.keyGroups.byId()), tagFailure('cloudfront:ListPublicKeys', this.publicKeys.get())]);
      const keysById = new Map(keys.map((key) => [key.id, key]));
      const grouped = new Set([...groups.values()].flatMap((group) => group.publicKeyIds));
      const ungrouped = keys.filter((key) => !grouped.has(key.id));
      const local = this.localKeys?.list() ?? [];
      const places = this.localKeys ? await privateKeyPlaces(this.localKeys, local) : new Map<string, PrivateKeyPlace>();
      const placeById = new Map(
        local.flatMap((key) => {
          const place = places.get(key.fingerprint);
          return key.publicKeyId && keysById.has(key.publicKeyId) && place ? [[key.publicKeyId, place] as const] : [];
        }),
      );
      const rows: TreeNode[] = [...groups.values()].map((group) => new KeyGroupNode(group, keysById, placeById));
      if (ungrouped.length > 0) rows.push(new UngroupedKeysNode(ungrouped, placeById));
      const unlisted = local.filter((key) => !key.publicKeyId || !keysById.has(key.publicKeyId));
      if (unlisted.length > 0) rows.push(new LocalKeysWithoutPublicKeyNode(unlisted, places));
      setViewState(ContextKeys.keysState, rows.length === 0 ? 'empty' : 'rows');
      return rows;
    } catch (error) {
      this.log.error('[keys] listing key groups and public keys failed', error);
      if (classifyAwsError(error) === 'noCredentials') {
        setViewState(ContextKeys.keysState, 'noCredentials');
        return [];
      }
      return [awsFailureRow(error, 'cloudfront:ListKeyGroups', this.source.profile, this)];
    }
  }

  /** "Try again" on the error row. */
  loadMore(): Promise<void> {
    this.refresh();
    return Promise.resolve();
  }

  refresh(): void {
    this.publicKeys.reset();
    this.keyGroups.reset();
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.sessionListener.dispose();
    this.localKeysListener?.dispose();
    this.changed.dispose();
  }
}
