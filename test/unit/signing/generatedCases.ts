// A deterministic set of varied signing inputs, shared by the botocore cross-check and the round-trip
// suite: existing queries, ~, pre-encoded %20, spaces, unicode, upper-case hosts, default ports,
// ws/wss, wildcard resources (* and ?, http*), IP ranges, start dates, RSA-1024/2048 with SHA1 and
// SHA256, and ECDSA P-256.
import { type HashAlgorithm, type SignOptions } from '../../../src/signing';
import { TEST_KEYS, type TestKeyName } from './helpers';

export interface GeneratedCase {
  readonly id: string;
  readonly keyName: TestKeyName;
  readonly options: SignOptions;
  /** The URL a client sends for options.url: its WHATWG serialization, computed here with new URL(). */
  readonly expectedUrl: string;
  /** The policy Resource we expect, derived independently of the code under test (undefined: the URL). */
  readonly expectedResource?: string;
}

/** mulberry32: a small seeded generator, so a failing case is the same case on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTS = ['d111111abcdef8.cloudfront.net', 'cdn.example.com', 'media.example.org'];
const PATH_SEGMENTS = [
  'images',
  'video',
  '~user',
  'a%20b',
  'with space',
  'vidéo',
  '日本語',
  'emoji😀',
  'file(1)',
  'a+b',
  'x=y',
  'semi;colon',
  'at@sign',
  "it's",
  'dollar$',
  'comma,list',
  'tilde~end',
  '%E2%82%AC',
  'UPPER',
  'dot.name',
  '-_.!',
];
const EXTENSIONS = ['.jpg', '.mp4', '.m3u8', '.pdf', '', '.tar.gz'];
const QUERY_NAMES = ['size', 'v', 'q', 'lang', 'a b', 'é', 'response-content-disposition', 'flag'];
const QUERY_VALUES = ['large', '1', '', 'x y', '%20', '~tilde', 'ü', 'a+b', 'a=b', "o'clock", 'attachment%3B%20filename%3D%22a.txt%22', '日本', '%7E'];

export function generateCases(count: number, seed = 20240601): GeneratedCase[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (probability: number): boolean => random() < probability;
  const integer = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));

  const cases: GeneratedCase[] = [];
  for (let index = 0; index < count; index++) {
    const scheme = pick(['https', 'https', 'https', 'http', 'wss', 'ws']);
    const host = pick(HOSTS);
    const upperCaseHost = chance(0.1);
    const port = chance(0.1) ? pick([':8443', scheme === 'https' || scheme === 'wss' ? ':443' : ':80']) : '';
    const origin = `${scheme}://${upperCaseHost ? host.toUpperCase() : host}${port}`;
    const segments = Array.from({ length: integer(1, 4) }, () => pick(PATH_SEGMENTS));
    const path = `/${segments.join('/')}${pick(EXTENSIONS)}`;
    const pairs = Array.from({ length: chance(0.5) ? integer(1, 3) : 0 }, () => {
      const name = pick(QUERY_NAMES);
      return name === 'flag' ? name : `${name}=${pick(QUERY_VALUES)}`;
    });
    const url = `${origin}${path}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`;
    const expectedUrl = new URL(url).href;

    const keyName = pick<TestKeyName>(['rsa1024', 'rsa2048', 'rsa2048', 'ec']);
    const hashAlgorithm: HashAlgorithm | undefined = keyName === 'ec' ? pick([undefined, 'SHA256'] as const) : pick([undefined, 'SHA1', 'SHA256'] as const);
    // Past and future expiries: expired URLs must sign and verify like any other.
    const expires = integer(1_500_000_000, 2_200_000_000);
    const activeFrom = chance(0.3) ? expires - integer(1, 10_000_000) : undefined;
    const ipRange = chance(0.3) ? `${integer(1, 223)}.${integer(0, 255)}.${integer(0, 255)}.${integer(0, 255)}${chance(0.5) ? `/${integer(8, 32)}` : ''}` : undefined;

    let resource: string | undefined;
    let expectedResource: string | undefined;
    const resourceKind = chance(0.35) ? pick(['prefix', 'raw-prefix', 'single-char', 'any-scheme', 'same-string'] as const) : undefined;
    if (resourceKind === 'prefix') {
      // Everything up to a random point of the path, then *.
      resource = `${expectedUrl.slice(0, integer(expectedUrl.indexOf('/', expectedUrl.indexOf('//') + 2) + 1, expectedUrl.length))}*`;
      expectedResource = resource;
    } else if (resourceKind === 'raw-prefix' && segments.length > 1 && !upperCaseHost && port === '') {
      // The path prefix as the user typed it (spaces, unicode): it must be encoded as the client encodes the URL.
      const typedPrefix = `${origin}/${segments[0]}/`;
      resource = `${typedPrefix}*`;
      expectedResource = `${new URL(typedPrefix).href}*`;
    } else if (resourceKind === 'single-char') {
      const position = expectedUrl.lastIndexOf('/') + 1;
      const replaceable = position < expectedUrl.length && expectedUrl[position] !== '%';
      resource = replaceable ? `${expectedUrl.slice(0, position)}?${expectedUrl.slice(position + 1)}` : `${expectedUrl}*`;
      expectedResource = resource;
    } else if (resourceKind === 'any-scheme') {
      resource = `${scheme.startsWith('w') ? 'ws' : 'http'}*${expectedUrl.slice(expectedUrl.indexOf('://'))}`;
      expectedResource = resource;
    } else if (resourceKind === 'same-string') {
      resource = url; // the same string as url means the URL itself: a canned policy when nothing else is set
    }

    const options: SignOptions = {
      url,
      keyPairId: pick(['K2JCJMDEHXQW5F', 'APKAEIBAERJR2EXAMPLE', 'K1TESTKEY']),
      privateKey: TEST_KEYS[keyName].privatePem,
      expires,
      ...(activeFrom !== undefined && { activeFrom: chance(0.5) ? new Date(activeFrom * 1000) : activeFrom }),
      ...(ipRange !== undefined && { ipRange }),
      ...(resource !== undefined && { resource }),
      ...(hashAlgorithm !== undefined && { hashAlgorithm }),
    };
    cases.push({ id: `case-${index}`, keyName, options, expectedUrl: expectedUrl.endsWith('?') ? expectedUrl.slice(0, -1) : expectedUrl, ...(expectedResource !== undefined && { expectedResource }) });
  }
  return cases;
}
