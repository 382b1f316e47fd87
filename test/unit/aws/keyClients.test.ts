// The clients for keys kept in AWS take the profile's region, an explicit region (a key's ARN) over it,
// and say once, by name, that a region is missing, instead of the SDK's "Region is missing" on each call.
// No request is sent: only the region each client would sign for is read.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKeyClients, MissingRegionError } from '../../../src/aws/clientBuilder';

const VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'] as const;

describe('clients for keys kept in AWS', () => {
  let dir: string;
  const saved: Partial<Record<(typeof VARIABLES)[number], string>> = {};

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'key-clients-'));
    for (const name of VARIABLES) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
    // A fresh file per test: the SDK keeps what it read of a config file by its path.
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    writeFileSync(process.env.AWS_CONFIG_FILE, '[profile team]\nregion = eu-central-1\n\n[profile noregion]\noutput = json\n');
    writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
  });

  afterEach(() => {
    for (const name of VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("take the profile's region, and the region given (a key's ARN) over it", async () => {
    const byProfile = await buildKeyClients({ profile: 'team', userAgent: 'test' });
    assert.deepEqual(await Promise.all([byProfile.kms.config.region(), byProfile.secretsManager.config.region(), byProfile.ssm.config.region()]), ['eu-central-1', 'eu-central-1', 'eu-central-1']);
    const byArn = await buildKeyClients({ profile: 'team', userAgent: 'test' }, 'ap-southeast-2');
    assert.equal(await byArn.kms.config.region(), 'ap-southeast-2');
  });

  it('refuse a profile with no region (and no AWS_REGION), naming the profile', async () => {
    await assert.rejects(buildKeyClients({ profile: 'noregion', userAgent: 'test' }), (error: unknown) => error instanceof MissingRegionError && error.profile === 'noregion');
    process.env.AWS_REGION = 'us-west-2';
    assert.equal(await (await buildKeyClients({ profile: 'noregion', userAgent: 'test' })).kms.config.region(), 'us-west-2');
  });
});
