// "Wait for Deployment" and the Deploying… row against moto, with moto's state manager holding
// distributions InProgress (progression "manual") until the test lets them deploy.
import assert from 'node:assert/strict';
import { GetDistributionCommand } from '@aws-sdk/client-cloudfront';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { UserError } from '../../src/errors';
import { ScriptedUi } from '../fakes/scriptedUi';
import { createDistribution, seedClient } from './support/cloudFrontSeed';
import { activateExtension, labelOf, renderChildren } from './support/extension';

const motoUrl = () => process.env.CFPC_MOTO_URL ?? process.env.AWS_ENDPOINT_URL_CLOUDFRONT!;

async function stateManager(route: 'set-transition' | 'unset-transition', body: object): Promise<void> {
  const answer = await fetch(`${motoUrl()}/moto-api/state-manager/${route}`, { method: 'POST', body: JSON.stringify(body) });
  assert.ok(answer.ok, `moto state manager ${route}: ${answer.status}`);
}

describe('Wait for Deployment (moto)', () => {
  afterEach(async () => {
    await stateManager('unset-transition', { model_name: 'cloudfront::distribution' });
    (await (await activateExtension()).testing!()).setUi(undefined);
  });

  it('a deploying distribution reads Deploying… in the tree; waiting is cancellable; once deployed the wait resolves and the row no longer says so', async () => {
    const api = await activateExtension();
    // Each GetDistribution or ListDistributions advances the status one tick: InProgress for 1000 of them.
    await stateManager('set-transition', { model_name: 'cloudfront::distribution', transition: { progression: 'manual', times: 1000 } });
    const created = await createDistribution(seedClient(), `deploying ${Date.now()}`);

    await vscode.commands.executeCommand(Commands.refresh);
    const row = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
    assert.ok(row);
    assert.match(String(row.item.description), /^Deploying… · /);

    const ui = new ScriptedUi([]);
    ui.cancelProgressAfterMs = 300;
    (await api.testing!()).setUi(ui);
    const started = Date.now();
    await assert.rejects(
      async () => vscode.commands.executeCommand(Commands.waitForDeployment, { distributionId: created.Id }),
      (error: Error) => error.name === 'CancellationError',
    );
    assert.ok(Date.now() - started < 10_000, "Cancel ends the wait at once, not after the waiter's next 60 s poll");
    assert.deepEqual(ui.progress, [`Waiting until distribution ${created.Id!} is deployed…`]);

    // Let it deploy: the wait resolves and the row drops Deploying….
    await stateManager('set-transition', { model_name: 'cloudfront::distribution', transition: { progression: 'immediate' } });
    assert.equal((await seedClient().send(new GetDistributionCommand({ Id: created.Id }))).Distribution!.Status, 'Deployed');
    const result = await vscode.commands.executeCommand<{ distributionId: string; status: string }>(Commands.waitForDeployment, { distributionId: created.Id });
    assert.deepEqual(result, { distributionId: created.Id, status: 'Deployed' });
    const after = (await renderChildren(api.distributionsView)).find((r) => labelOf(r.item) === created.Id);
    assert.ok(after && !String(after.item.description).includes('Deploying'), String(after?.item.description));
  });

  it('refuses a distribution that does not exist, naming distributionId', async () => {
    await activateExtension();
    await assert.rejects(
      async () => vscode.commands.executeCommand(Commands.waitForDeployment, { distributionId: 'ENOSUCHDIST0' }),
      (error: UserError) => error.input === 'distributionId' && /cannot read distribution ENOSUCHDIST0/.test(error.message),
    );
  });
});
