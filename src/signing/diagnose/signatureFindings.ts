// The signature against the public key CloudFront holds for the Key-Pair-Id (or a local key), with the
// hash Hash-Algorithm names (SHA1 when absent). When it does not verify, the likely cause is looked
// for: the other hash, another spelling of the URL (canned policies), or a key of another type or size.
import { verify, type KeyObject } from 'node:crypto';
import { SigningError } from '../errors';
import { loadPublicKey, type LoadedKey } from '../keys';
import { buildPolicy } from '../policy';
import { NODE_HASH_NAMES } from '../signature';
import { type HashAlgorithm } from '../types';
import { error, ok, warning, type Finding } from './findings';
import { lookupPublicKey } from './keyTrustFindings';
import { KEY_PAIR_ID } from '../../cloudfront/rules';
import { type DiagnoseInput, type RequestPolicy, type SignedRequest } from './types';
import { urlVariants } from './urlVariants';

interface VerificationKey {
  readonly key: string | KeyObject;
  /** Names the key in messages: "CloudFront's public key K…", "the local key for K…". */
  readonly origin: string;
}

const HASHES: readonly HashAlgorithm[] = ['SHA1', 'SHA256'];

/** The key to verify with: CloudFront's copy first, then a local key for the ID, then the one local key. */
export function verificationKey(input: Pick<DiagnoseInput, 'account' | 'publicKeys' | 'publicKey'>, keyPairId: string | undefined): VerificationKey | undefined {
  const remote = lookupPublicKey(input.account, keyPairId);
  if (remote && remote !== 'notFound') return { key: remote.encodedKey, origin: `CloudFront's public key ${remote.id}` };
  const byId = keyPairId === undefined ? undefined : input.publicKeys?.get(keyPairId);
  if (byId !== undefined) return { key: byId, origin: `the local public key for ${keyPairId}` };
  if (input.publicKey !== undefined) return { key: input.publicKey, origin: 'the local public key' };
  return undefined;
}

function verifies(json: string, hash: HashAlgorithm, key: LoadedKey, signature: Buffer): boolean {
  if (key.type === 'ec' && hash === 'SHA1') return false;
  try {
    return verify(NODE_HASH_NAMES[hash], Buffer.from(json, 'utf8'), key.keyObject, signature);
  } catch {
    return false;
  }
}

/** A DER ECDSA signature: SEQUENCE of two INTEGERs, at most 72 bytes for P-256. */
const looksLikeEcdsa = (signature: Buffer): boolean => signature.length <= 72 && signature[0] === 0x30 && signature[1] === signature.length - 2;

function describeKey(key: LoadedKey): string {
  return key.type === 'rsa' ? `a ${key.bits}-bit RSA key` : 'an ECDSA P-256 key';
}

/** RSA signatures are as long as the key's modulus; these are the sizes keys come in. */
const RSA_SIGNATURE_BYTES = [128, 256, 384, 512];

/** A DER ECDSA signature whose SEQUENCE says it is longer than it is: its end was cut off. */
const truncatedEcdsa = (signature: Buffer): boolean => signature.length >= 2 && signature[0] === 0x30 && signature[1] > signature.length - 2;

/** Why a signature cannot be from this key at all, judged by its shape; `truncated` when it was cut short. */
function shapeMismatch(key: LoadedKey, signature: Buffer): { readonly why: string; readonly truncated?: true } | undefined {
  if (key.type === 'rsa' && looksLikeEcdsa(signature)) return { why: `The signature is an ECDSA signature, but the key is ${describeKey(key)}: it was made with an ECDSA private key.` };
  const expected = Math.ceil(key.bits / 8);
  if (key.type === 'rsa' && signature.length !== expected) {
    if (signature.length < expected && !RSA_SIGNATURE_BYTES.includes(signature.length)) {
      return { why: `The signature is ${signature.length} bytes, but ${describeKey(key)} makes ${expected}-byte signatures: it was cut short.`, truncated: true };
    }
    return { why: `The signature is ${signature.length} bytes, but ${describeKey(key)} makes ${expected}-byte signatures: it was made with another key.` };
  }
  if (key.type === 'ec' && truncatedEcdsa(signature)) {
    return { why: `The signature is ${signature.length} bytes, fewer than its ECDSA encoding announces (${signature[1] + 2}): it was cut short.`, truncated: true };
  }
  if (key.type === 'ec' && !looksLikeEcdsa(signature))
    return { why: `The signature is ${signature.length} bytes and not an ECDSA signature, but the key is ${describeKey(key)}: it was made with an RSA private key.` };
  return undefined;
}

/** The finding for a signature whose shape rules out the key; `extra` is added to the message. */
function shapeFinding(shape: NonNullable<ReturnType<typeof shapeMismatch>>, origin: string, extra = ''): Finding {
  if (shape.truncated) {
    return error(
      'SignatureTruncated',
      `${shape.why} ${origin} cannot verify a partial signature; CloudFront answers AccessDenied.`,
      'Send the whole signature: look for what shortens the URL or cookie (a length limit, a copy from a wrapped line, a log or chat that cut it).',
    );
  }
  return error(
    'KeyTypeMismatch',
    `${shape.why} ${origin} cannot verify it${extra}; CloudFront answers AccessDenied.`,
    'Sign with the private key that belongs to this Key-Pair-Id, or put the ID of the key you signed with in Key-Pair-Id.',
  );
}

/** For a canned policy: a spelling of the URL the signature does cover. */
function coveredVariant(request: SignedRequest, policy: RequestPolicy, key: LoadedKey, signature: Buffer, otherHosts: readonly string[]) {
  for (const variant of urlVariants({ ...request, otherHosts })) {
    let json: string;
    try {
      json = buildPolicy({ resource: variant.url, expires: policy.conditions.expires });
    } catch {
      continue;
    }
    const hash = HASHES.find((candidate) => verifies(json, candidate, key, signature));
    if (hash) return { variant, hash };
  }
  return undefined;
}

function mismatchFinding(request: SignedRequest, policy: RequestPolicy, key: LoadedKey, signature: Buffer, origin: string, otherHosts: readonly string[]): Finding {
  const declared = request.hashAlgorithm;
  const hashName = request.source === 'url' ? 'Hash-Algorithm' : 'CloudFront-Hash-Algorithm';
  const otherHash = HASHES.find((hash) => hash !== declared && verifies(policy.json, hash, key, signature));
  if (otherHash && declared !== undefined) {
    return error(
      'WrongHashAlgorithm',
      `The signature verifies with ${otherHash}, but ${hashName} ${declared === 'SHA1' ? 'is absent or SHA1, so CloudFront checks SHA1' : 'says SHA256'}; CloudFront answers AccessDenied.`,
      otherHash === 'SHA256' ? `Add ${hashName}=SHA256 to the ${request.source === 'url' ? 'URL' : 'cookies'}.` : `Remove ${hashName}=SHA256, or sign with SHA-256.`,
    );
  }
  if (policy.kind === 'canned') {
    const covered = coveredVariant(request, policy, key, signature, otherHosts);
    if (covered) {
      return error(
        'SignedDifferentUrl',
        `The signature verifies only for ${covered.variant.what}. CloudFront rebuilds the canned policy from the URL it receives, so it answers AccessDenied.`,
        covered.variant.fix,
      );
    }
  }
  const shape = shapeMismatch(key, signature);
  if (shape) return shapeFinding(shape, origin);
  return error(
    'SignatureMismatch',
    `The signature does not verify with ${origin} (${describeKey(key)}, ${declared ?? 'SHA1 or SHA256'}) over the ${policy.kind} policy: the ${policy.kind === 'canned' ? 'URL or expiry' : 'policy'} changed after signing, or another private key signed it. CloudFront answers AccessDenied.`,
    'Sign again with the private key whose public key has this Key-Pair-Id, and send the URL (or cookies) unchanged.',
  );
}

export function signatureFindings(request: SignedRequest, input: Pick<DiagnoseInput, 'account' | 'publicKeys' | 'publicKey'>, otherHosts: readonly string[] = []): Finding[] {
  const { policy, signature } = request;
  if (!policy || !signature) return [];
  const chosen = verificationKey(input, request.keyPairId);
  if (!chosen) {
    const keyPairId = request.keyPairId;
    if (input.publicKeys && !input.account && input.publicKey === undefined && keyPairId !== undefined && KEY_PAIR_ID.test(keyPairId)) {
      const known = [...input.publicKeys.keys()];
      return [
        error(
          'UnknownKey',
          `Key-Pair-Id ${keyPairId} is unknown: it is not among the ${known.length} local public keys (${known.join(', ')}), which are checked like a key group. A distribution trusting those keys answers InvalidKey "Unknown Key".`,
          'Put the ID of the key that signed it in Key-Pair-Id, or pass its public key (publicKeys) to check against it.',
        ),
      ];
    }
    return [
      warning(
        'SignatureUnchecked',
        `No public key for ${request.keyPairId ?? 'this signature'} is known here, so the signature was not verified.`,
        'Diagnose with access to the account (GetPublicKey), or pass the public key PEM.',
      ),
    ];
  }
  let key: LoadedKey;
  try {
    key = loadPublicKey(chosen.key);
  } catch (cause) {
    if (!(cause instanceof SigningError)) throw cause;
    return [error('PublicKeyUnreadable', `${chosen.origin} cannot be used: ${cause.message}`, 'Upload the public key as an SPKI PEM (-----BEGIN PUBLIC KEY-----) of an RSA 2048 or ECDSA P-256 key.')];
  }
  const declared = request.hashAlgorithm;
  if (key.type === 'ec' && declared === 'SHA1') {
    const fine = verifies(policy.json, 'SHA256', key, signature);
    const shape = fine ? undefined : shapeMismatch(key, signature);
    // An RSA signature under the ID of an ECDSA key: no Hash-Algorithm can make that verify.
    if (shape) return [shapeFinding(shape, chosen.origin, `, whatever ${request.source === 'url' ? 'Hash-Algorithm' : 'CloudFront-Hash-Algorithm'} says`)];
    return [
      error(
        'EcdsaNeedsSha256',
        `${chosen.origin} is an ECDSA key, which CloudFront verifies with SHA-256 only, but ${request.source === 'url' ? 'Hash-Algorithm' : 'CloudFront-Hash-Algorithm'} is absent or SHA1${fine ? ' (the signature does verify with SHA-256)' : ''}; CloudFront answers AccessDenied.`,
        `Sign with SHA-256 and add ${request.source === 'url' ? 'Hash-Algorithm=SHA256' : 'CloudFront-Hash-Algorithm=SHA256'}.`,
      ),
    ];
  }
  const validWith = (declared === undefined ? HASHES : [declared]).find((hash) => verifies(policy.json, hash, key, signature));
  if (validWith) return [ok('SignatureValid', `The signature verifies with ${chosen.origin} (${describeKey(key)}) using ${validWith}.`)];
  return [mismatchFinding(request, policy, key, signature, chosen.origin, otherHosts)];
}
