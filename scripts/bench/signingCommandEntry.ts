// What the sign-command benchmark drives: the real signUrlCommand and signText over typed fakes,
// with `vscode` stubbed by vscodeStub.cjs, so the numbers are our code's, not the workbench's.
import { generateKeyPairSync } from 'node:crypto';
import type { CloudFrontSource } from '../../src/aws/awsSession';
import { DistributionFinder } from '../../src/aws/distributionFinder';
import { KeyGroupDirectory } from '../../src/aws/keyGroupDirectory';
import { KeySigners } from '../../src/aws/keySigners';
import type { SigningContext } from '../../src/commands/sign/signingContext';
import { signUrlCommand } from '../../src/commands/sign/signUrl';
import type { KeyStore, LocalKey } from '../../src/keys/keyStore';
import type { Logger } from '../../src/log';
import { sharedPolicySigner, signUrl } from '../../src/signing';
import { signText } from '../../src/signing/output';
import { VscodeUi } from '../../src/ui/vscodeUi';
import { FakeCloudFrontService, sampleDistribution } from '../../test/fakes/fakeCloudFrontService';
import { FakeS3Browser } from '../../test/fakes/fakeS3Browser';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const HOST = 'd1abcdef.cloudfront.net';
const EXPIRES = Math.floor(Date.now() / 1000) + 3600;

/** An HLS playlist of `count` segments on one distribution. */
export function playlist(count: number): string {
  const lines = ['#EXTM3U', '#EXT-X-TARGETDURATION:6'];
  for (let i = 0; i < count; i++) lines.push('#EXTINF:6.0,', `https://${HOST}/paid/movie/segment-${i}.m4s`);
  return `${lines.join('\n')}\n`;
}

export function signDocumentPerUrl(text: string): number {
  return signText(text, { isKnownHost: (h) => h === HOST, sign: (url) => signUrl({ url, keyPairId: 'K1', privateKey, expires: EXPIRES }) }).signed;
}

export function signDocumentShared(text: string): number {
  const sign = sharedPolicySigner({ resource: `https://${HOST}/paid/movie/*`, keyPairId: 'K1', privateKey, expires: EXPIRES });
  return signText(text, { isKnownHost: (h) => h === HOST, sign }).signed;
}

/** A signing context over fakes: one distribution whose /paid/* trusts the one local key. */
export function warmContext(): SigningContext {
  const service = new FakeCloudFrontService([
    sampleDistribution(1, {
      behaviors: [
        { pathPattern: '/paid/*', targetOriginId: 'media', trustedKeyGroupIds: ['KG1'], trustedSigners: [] },
        { targetOriginId: 'media', trustedKeyGroupIds: [], trustedSigners: [] },
      ],
    }),
  ]);
  service.keyGroups = [{ id: 'KG1', name: 'signers', comment: '', publicKeyIds: ['K1'] }];
  const source: CloudFrontSource = {
    cloudFront: () => Promise.resolve(service),
    s3: () => Promise.resolve(new FakeS3Browser()),
    profile: undefined,
    onDidChange: () => ({ dispose() {} }),
    onDidWrite: () => ({ dispose() {} }),
  };
  const key: LocalKey = { fingerprint: 'f', publicKeyId: 'K1', name: 'bench', algorithm: 'RSA_2048', created: '2026-01-01', defaultSignerFor: [] };
  const keyStore: KeyStore = {
    list: () => [key],
    find: (id) => (id === 'K1' ? key : undefined),
    getPrivateKey: () => Promise.resolve(privateKey),
    defaultSigner: () => undefined,
    onDidChange: () => ({ dispose() {} }),
  };
  const memory = new Map<string, unknown>();
  const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {}, show() {} };
  return {
    source,
    finder: new DistributionFinder(() => source.cloudFront()),
    keyGroups: new KeyGroupDirectory(() => source.cloudFront()),
    keyStore,
    // Local keys only: the bench never reaches KMS, Secrets Manager or SSM.
    signers: new KeySigners(keyStore, { keyServices: () => Promise.reject(new Error('this bench has only a local key')), profile: undefined }),
    memory: {
      get: (k: string) => memory.get(k),
      update: (k: string, v: unknown) => {
        memory.set(k, v);
        return Promise.resolve();
      },
      keys: () => [...memory.keys()],
    },
    log: quiet,
    // The real Ui over the stubbed vscode: the signed URL reaches the (stub's) clipboard as in VS Code.
    ui: new VscodeUi(),
  };
}

export function signOnce(context: SigningContext): Promise<string> {
  return signUrlCommand(context, { url: `https://${HOST}/paid/movie.mp4`, expires: EXPIRES });
}
