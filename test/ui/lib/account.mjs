// What UI tests set up in the account (moto) and do through the key wizard: a distribution whose
// /paid/* behavior is unrestricted, and that behavior restricted by a new key pair, as a person does it.
import { CloudFrontClient, GetDistributionConfigCommand } from '@aws-sdk/client-cloudfront';
import * as seed from '../../../scripts/lib/cloudFrontSeed.mjs';
import { answer, runCommand, until } from './workbench.mjs';

/** @param {string} motoUrl */
export function cloudFrontClient(motoUrl) {
  return new CloudFrontClient({ endpoint: motoUrl, region: 'us-east-1', credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}

/**
 * A distribution with one S3 origin, an unrestricted default behavior and unrestricted behaviors for
 * `pathPatterns`.
 * @param {CloudFrontClient} client
 * @param {{ name: string, comment?: string, aliases?: string[], pathPatterns?: string[] }} options name: the caller reference (and the comment unless given)
 */
export function createDistribution(client, { name, comment = name, aliases = [], pathPatterns = [] }) {
  return seed.createDistribution(client, {
    comment,
    callerReference: name,
    aliases,
    originDomain: 'media.s3.us-east-1.amazonaws.com',
    behaviors: pathPatterns.map((pattern) => seed.behavior(pattern)),
  });
}

/**
 * A distribution with an unrestricted /paid/* behavior.
 * @param {CloudFrontClient} client
 * @param {{ name: string, aliases?: string[] }} options name: caller reference and comment
 */
export const createPaidDistribution = (client, { name, aliases = [] }) => createDistribution(client, { name, aliases, pathPatterns: ['/paid/*'] });

/**
 * "CloudFront: Create Key Pair" from the palette: a new RSA 2048 key in a new key group, restricting
 * the distribution's /paid/*; resolves to the key group id once CloudFront shows /paid/* trusting it.
 * @param {import('playwright-core').Page} page
 * @param {CloudFrontClient} client
 * @param {{ distributionId: string, keyName: string, groupName: string }} names
 */
export async function restrictPaidWithNewKeyPair(page, client, { distributionId, keyName, groupName }) {
  await runCommand(page, 'CloudFront: Create Key Pair');
  await answer(page, keyName);
  await answer(page, '', { rowText: 'RSA 2048' });
  await answer(page, '', { rowText: 'This machine' });
  await answer(page, '', { rowText: 'New key group' });
  await answer(page, groupName);
  // Typed while the distributions load: the row may show without being active, so it is clicked.
  await answer(page, distributionId, { rowText: distributionId, click: true });
  const paidRow = page.locator('.quick-input-list .monaco-list-row', { hasText: '/paid/*' }).first();
  await paidRow.waitFor({ timeout: 20000 });
  await paidRow.locator('.quick-input-list-checkbox, input[type=checkbox], .monaco-custom-toggle').first().click();
  await answer(page, '', { rowText: '/paid/*' });
  await answer(page, '', { rowText: 'Create' });
  const keyGroupId = await until(async () => {
    const { DistributionConfig } = await client.send(new GetDistributionConfigCommand({ Id: distributionId }));
    return DistributionConfig.CacheBehaviors.Items[0].TrustedKeyGroups?.Items?.[0];
  }, '/paid/* to trust the new key group');
  // The wizard's last writes land a moment before its notification: let it finish.
  await page.waitForTimeout(1000);
  return keyGroupId;
}
