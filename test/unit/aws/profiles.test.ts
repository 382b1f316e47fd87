import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProfiles } from '../../../src/aws/profiles';

const config = `
[default]
region = us-east-1

[profile dev-sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Developer
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_account_id = 1

[profile vault]
credential_process = /usr/local/bin/aws-vault export --format=json vault

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default
s3 =
  max_concurrent_requests = 20
  aws_access_key_id = NOT_A_PROFILE_KEY

; a comment
[services local]
cloudfront =
  endpoint_url = http://localhost:4566
`;
const credentials = `
[default]
aws_access_key_id = AKIAEXAMPLE
aws_secret_access_key = secret

[ci-bot]
aws_access_key_id = AKIAEXAMPLE2
aws_secret_access_key = secret2
`;

describe('AWS profiles', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    writeFileSync(join(dir, 'config'), config);
    writeFileSync(join(dir, 'credentials'), credentials);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every profile of both files with its kind, default first, without sso-session or services sections', async () => {
    const profiles = await readProfiles({ HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') });
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.sources.join('+')]),
      [
        ['default', 'static', 'config+credentials'],
        ['admin', 'role', 'config'],
        ['ci-bot', 'static', 'credentials'],
        ['dev-sso', 'sso', 'config'],
        ['legacy-sso', 'sso', 'config'],
        ['vault', 'credential_process', 'config'],
      ],
    );
    const sso = profiles.find((p) => p.name === 'dev-sso');
    assert.deepEqual([sso?.region, sso?.ssoSession], ['eu-west-1', 'corp']);
  });

  it('reads the files named by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE, and tolerates missing ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
    try {
      writeFileSync(join(dir, 'config'), '[profile only-here]\nregion = us-west-2\n');
      const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'nope') };
      assert.deepEqual(
        (await readProfiles(env)).map((p) => p.name),
        ['only-here'],
      );
      assert.deepEqual(await readProfiles({ HOME: join(dir, 'empty') }), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
