// Key commands over the typed fake (what moto cannot do: ETag conflicts between a read and a write,
// failures on demand), an in-memory key store and a scripted Ui.
import type { CacheBehavior, DistributionConfig } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import type { CloudFrontSource, KeyServicesSource } from '../../../src/aws/awsSession';
import type { CloudFrontWrite } from '../../../src/aws/writeEvents';
import type { KeyCommandContext } from '../../../src/commands/keys/keyCommandContext';
import { SecretKeyStore } from '../../../src/keys/keyStore';
import { createLogger } from '../../../src/log';
import type { FakeCloudFrontService } from '../../fakes/fakeCloudFrontService';
import { SharedMemento, SharedSecrets } from '../../fakes/memoryKeyBackends';
import { ScriptedUi, type Answer } from '../../fakes/scriptedUi';
import { watchKeyStore } from './secrets';
import { ExtensionEvents } from '../../../src/events';

export interface FakeKeyWorld {
  context: KeyCommandContext;
  ui: ScriptedUi;
  keyStore: SecretKeyStore;
  secrets: SharedSecrets;
  refreshes: number;
}

let channel: vscode.LogOutputChannel | undefined;

export function keyWorld(service: FakeCloudFrontService, answers: Answer[] = []): FakeKeyWorld {
  const changed = new vscode.EventEmitter<void>();
  const source: CloudFrontSource & KeyServicesSource = {
    cloudFront: () => Promise.resolve(service),
    s3: () => Promise.reject(new Error('key commands do not use S3')),
    // Keys kept in AWS are tested against moto (test/integration/teamKeys*.test.ts), which serves KMS, Secrets Manager and SSM.
    keyServices: () => Promise.reject(new Error('the CloudFront fake has no KMS, Secrets Manager or SSM')),
    profile: undefined,
    onDidChange: changed.event,
    // The key commands' views are not under test here: nothing listens to their writes.
    onDidWrite: new vscode.EventEmitter<CloudFrontWrite>().event,
  };
  const secrets = new SharedSecrets();
  const keyStore = new SecretKeyStore(secrets.window(), new SharedMemento());
  watchKeyStore(keyStore); // for the secret scan: these keys pass through the extension's code too
  const ui = new ScriptedUi(answers);
  channel ??= vscode.window.createOutputChannel('CloudFront keys (test)', { log: true });
  const events = new ExtensionEvents();
  const world: FakeKeyWorld = {
    ui,
    keyStore,
    secrets,
    refreshes: 0,
    context: { source, keyStore, ui, log: createLogger(channel), events },
  };
  // What the views would do when key commands announce a change: count it.
  events.didChangeKeys.event(() => void world.refreshes++);
  return world;
}

const behavior = (PathPattern: string, keyGroupIds: string[] = []): CacheBehavior => ({
  PathPattern,
  TargetOriginId: 'media',
  ViewerProtocolPolicy: 'redirect-to-https',
  CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  TrustedKeyGroups: { Enabled: keyGroupIds.length > 0, Quantity: keyGroupIds.length, Items: keyGroupIds },
  TrustedSigners: { Enabled: false, Quantity: 0, Items: [] },
});

/** A distribution config with enough fields that a lost or changed one would show. */
export function rawConfig(keyGroupIds: string[] = []): DistributionConfig {
  return {
    CallerReference: 'caller-1',
    Comment: 'media',
    Enabled: true,
    Aliases: { Quantity: 1, Items: ['cdn.example.com'] },
    Origins: { Quantity: 1, Items: [{ Id: 'media', DomainName: 'media.s3.us-east-1.amazonaws.com', OriginAccessControlId: 'E2OAC', S3OriginConfig: { OriginAccessIdentity: '' } }] },
    DefaultCacheBehavior: { TargetOriginId: 'media', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    CacheBehaviors: { Quantity: 2, Items: [behavior('/paid/*', keyGroupIds), behavior('/public/*')] },
    PriceClass: 'PriceClass_100',
    HttpVersion: 'http2',
  };
}
