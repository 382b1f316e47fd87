// What the KMS bulk-signing benchmark drives: the extension's own KMS client (buildKeyClients, with
// AWS_ENDPOINT_URL_KMS pointing at moto), its kmsSigner, and the paths "Sign URLs in Selection" takes
// with a KMS key: per URL through signConcurrently with the command's pacing (kmsConcurrency), and one
// shared wildcard policy (one kms:Sign). `vscode` is stubbed by vscodeStub.cjs (l10n only).
import { buildKeyClients } from '../../src/aws/clientBuilder';
import { SdkKmsKeys } from '../../src/aws/kmsKeys';
import { kmsSigner } from '../../src/aws/kmsSigner';
import { kmsConcurrency } from '../../src/commands/sign/signByKey';
import { sharedPolicySignerWithSigner, signUrlWithSigner, verifySignedUrl } from '../../src/signing';
import { signConcurrently, signEach } from '../../src/signing/output';
import { createPublicKey } from 'node:crypto';

const HOST = 'https://d1abcdef.cloudfront.net';

export async function benchKms(count: number): Promise<{ perUrl: number; shared: number; signed: number; limits: number[] }> {
  const { kms: client } = await buildKeyClients({ userAgent: 'cloudfront-private-content/bench' }, 'us-east-1');
  const kms = new SdkKmsKeys(client);
  const key = await kms.createSigningKey('RSA_2048', 'bench', {});
  const signer = await kmsSigner(kms, key.arn, key.arn, 'keyPairId', undefined);
  const publicKey = createPublicKey({ key: await kms.publicKey(key.arn), format: 'der', type: 'spki' });
  const urls = Array.from({ length: count }, (_, i) => `${HOST}/hls/movie/${Math.floor(i / 100)}/segment-${i}.ts`);
  const common = { keyPairId: 'K2JCJMDEHXQW5F', signer, expires: Math.floor(Date.now() / 1000) + 3600 };
  await signUrlWithSigner({ ...common, url: `${HOST}/warm.ts` }); // the connection and the SDK's first call

  const limits: number[] = [];
  let t0 = performance.now();
  const perUrl = await signConcurrently(
    urls,
    (url) => signUrlWithSigner({ ...common, url }),
    kmsConcurrency((limit) => limits.push(limit)),
  );
  const perUrlMs = performance.now() - t0;
  t0 = performance.now();
  const shared = signEach(urls, await sharedPolicySignerWithSigner({ ...common, resource: `${HOST}/hls/movie/*` }));
  const sharedMs = performance.now() - t0;

  let signed = 0;
  for (const results of [perUrl, shared]) {
    for (const value of results.values()) if (typeof value === 'string' && verifySignedUrl(value, publicKey)) signed++;
  }
  await kms.scheduleDeletion(key.arn, 7).catch(() => undefined);
  return { perUrl: perUrlMs, shared: sharedMs, signed, limits };
}
