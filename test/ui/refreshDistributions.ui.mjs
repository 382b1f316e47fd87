// UI test, as a person would: a distribution appears in CloudFront (here: moto), the person runs
// "CloudFront: Refresh" from the command palette, opens the CloudFront side bar and finds the new
// distribution in the Distributions tree — Id as the label, domain name and comment in the description.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CloudFrontClient, CreateDistributionCommand } from '@aws-sdk/client-cloudfront';
import { expandPane, runCommand, showViewContainer, treeRows } from './lib/workbench.mjs';

/** @param {import('../runner/lib/uiTests.mjs').UiTestArgs} args */
export default async function refreshDistributions({ page, outputDir, motoUrl, log }) {
  const comment = `ui-test-${randomUUID().slice(0, 8)}`;
  const client = new CloudFrontClient({
    endpoint: motoUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
  /** @type {import('@aws-sdk/client-cloudfront').Distribution | undefined} */
  let distribution;
  try {
    ({ Distribution: distribution } = await client.send(
      new CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: `${comment}-${Date.now()}`,
          Comment: comment,
          Enabled: true,
          Origins: {
            Quantity: 1,
            Items: [{ Id: 'my-bucket', DomainName: 'my-bucket.s3.amazonaws.com', S3OriginConfig: { OriginAccessIdentity: '' } }],
          },
          DefaultCacheBehavior: {
            TargetOriginId: 'my-bucket',
            ViewerProtocolPolicy: 'redirect-to-https',
            // Managed-CachingOptimized
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
          },
        },
      }),
    ));
  } finally {
    client.destroy();
  }
  const id = distribution?.Id;
  const domainName = distribution?.DomainName;
  if (!id || !domainName) throw new Error(`CreateDistribution returned no Id/DomainName: ${JSON.stringify(distribution)}`);
  log(`created distribution ${id} (${domainName}, comment ${comment})`);

  await runCommand(page, 'CloudFront: Refresh');
  log('ran CloudFront: Refresh');
  await showViewContainer(page, { title: 'CloudFront', id: 'cloudfront' });
  await expandPane(page, 'Distributions');
  log('CloudFront view shown');

  const row = treeRows(page, 'Distributions').filter({ hasText: id }).first();
  try {
    await row.waitFor({ state: 'visible', timeout: 30000 });
  } catch {
    const shown = await treeRows(page, 'Distributions')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`the Distributions tree shows no row with ${id}; its rows: ${JSON.stringify(shown.slice(0, 10))}`);
  }
  const text = (await row.textContent()) ?? '';
  log(`row: ${text.replace(/\s+/g, ' ').trim()}`);
  // moto 5.2.1 leaves Comment out of its ListDistributions summaries (real CloudFront includes it):
  // the view completes them with GetDistribution, so the comment shows either way.
  for (const expected of [domainName, comment]) {
    if (!text.includes(expected)) throw new Error(`the row for ${id} does not show "${expected}": ${JSON.stringify(text)}`);
  }
  await page.screenshot({ path: join(outputDir, 'refresh-distributions.png') });
}
