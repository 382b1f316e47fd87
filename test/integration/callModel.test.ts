// The one call model (src/commands/options.ts, invocation.ts, src/ui/unattendedUi.ts): how a call's
// arguments become one typed Call, decided once, and how automation is the same wizard with all its
// answers given: its Ui asks nobody, a prompt answers for itself or names the missing option.
import assert from 'node:assert/strict';
import { UserError } from '../../src/errors';
import { decidedArguments, invocationOf, takeInvocation } from '../../src/commands/invocation';
import { askingFor, callOf, defineAskingCommandIn, optionalText, optionsObject, requiredText } from '../../src/commands/options';
import type { Ui } from '../../src/ui/ui';
import { hasPerson, unattendedUi } from '../../src/ui/unattendedUi';
import { ScriptedUi } from '../fakes/scriptedUi';

const Options = optionsObject({ url: requiredText('url', () => 'url is required.'), keyPairId: optionalText('keyPairId') });
const Given = optionsObject({ keyPairId: optionalText('keyPairId'), pathPattern: optionalText('pathPattern') });

/** The UserError a promise rejects with. */
async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
  return error;
}

describe('the call model', () => {
  it('makes one typed Call of the arguments: automation with checked options, a person with a context, or with answers given by their own schema', () => {
    const automation = callOf(Options, [{ url: 'https://d111111abcdef8.cloudfront.net/a.mp4' }], Given);
    assert.equal(automation.kind, 'automation');
    assert.deepEqual(automation.answers, { url: 'https://d111111abcdef8.cloudfront.net/a.mp4' });

    const row = new (class Row {})();
    const person = callOf(Options, [row], Given);
    assert.equal(person.kind, 'interactive');
    assert.equal(person.context, row);
    assert.deepEqual(person.answers, {});

    const given = callOf(Options, [{ interactive: true, keyPairId: 'K2JCJMDEHXQW5F', pathPattern: '/paid/*' }], Given);
    assert.equal(given.kind, 'interactive');
    assert.deepEqual(given.answers, { keyPairId: 'K2JCJMDEHXQW5F', pathPattern: '/paid/*' });

    // Each by its rule: an answer the given schema does not know, or of the wrong type, is refused by name.
    assert.throws(
      () => callOf(Options, [{ interactive: true, url: 'https://d111111abcdef8.cloudfront.net/a.mp4' }], Given),
      (e: unknown) => e instanceof UserError && e.input === 'url',
    );
    assert.throws(
      () => callOf(Options, [{ interactive: true, keyPairId: 5 }]),
      (e: unknown) => e instanceof UserError && e.input === 'keyPairId',
    );
    assert.throws(
      () => callOf(Options, [{ keyPairId: 'K2JCJMDEHXQW5F' }]),
      (e: unknown) => e instanceof UserError && e.input === 'url',
    );
    // A command without options refuses an options object rather than ignoring it.
    assert.throws(
      () => callOf(undefined, [{ url: 'x' }]),
      (e: unknown) => e instanceof UserError && e.input === 'options',
    );
  });

  it('decides the invocation once: the command takes the wrapper’s decision instead of reading the arguments again', () => {
    const decided = invocationOf([{ url: 'https://d111111abcdef8.cloudfront.net/a.mp4' }]);
    assert.equal(takeInvocation(decidedArguments(decided)), decided);
    // A direct call (no wrapper) is decided by the same rule.
    assert.deepEqual(takeInvocation(['K2JCJMDEHXQW5F']), { kind: 'interactive', context: 'K2JCJMDEHXQW5F' });
    assert.deepEqual(takeInvocation([]), { kind: 'interactive' });
  });

  it('asks nobody under automation: a prompt resolves to its unattended answer or names the missing option; notifications go nowhere; the clipboard stays the person’s', async () => {
    const person = new ScriptedUi([]);
    const ui = unattendedUi(person);
    assert.equal(hasPerson(ui), false);
    assert.equal(hasPerson(person), true);
    assert.equal(unattendedUi(ui), ui);

    assert.equal(await ui.pick({ title: 'Format', items: [{ label: 'JSON', value: 'json' }], unattended: { answer: 'json' } }), 'json');
    assert.equal(await ui.confirm('Sign anyway?', '', 'Sign', { answer: true }), true);
    const missing = await refusal(ui.pick({ title: 'Sign with which key?', items: [], unattended: { missing: 'keyPairId', message: 'Several keys can sign: pass keyPairId.' } }));
    assert.equal(missing.input, 'keyPairId');
    assert.equal(missing.message, 'Several keys can sign: pass keyPairId.');
    const unnamed = await refusal(ui.input({ title: 'Expires at', unattended: { missing: 'expires' } }));
    assert.equal(unnamed.input, 'expires');
    assert.equal(unnamed.message, 'expires is required: pass it in the options object.');
    // A prompt that says nothing for automation is refused, naming its title.
    const untold = await refusal(ui.input({ title: 'Base URL of the playlist' }));
    assert.equal(untold.input, 'options');
    assert.match(untold.message, /"Base URL of the playlist" needs a person/);
    assert.equal((await refusal(ui.confirm('Delete?', '', 'Delete'))).input, 'options');

    assert.equal(await ui.notify('info', 'Signed.', 'Open'), undefined);
    assert.deepEqual(person.notifications, []);
    assert.deepEqual(person.prompts, []);
    await ui.writeClipboard('signed');
    assert.equal(person.clipboard, 'signed');
  });

  it('hands an asking command the person’s Ui when interactive and the unattended one under automation', async () => {
    const person = new ScriptedUi([]);
    const seen: Ui[] = [];
    const command = defineAskingCommandIn(Options, (context: { readonly ui: Ui; readonly name: string }, call) => {
      seen.push(context.ui);
      assert.equal(context.name, 'kept');
      return call.kind;
    });
    assert.equal(await command({ ui: person, name: 'kept' }), 'interactive');
    assert.equal(await command({ ui: person, name: 'kept' }, { url: 'https://d111111abcdef8.cloudfront.net/a.mp4' }), 'automation');
    assert.equal(seen[0], person);
    assert.equal(hasPerson(seen[1]), false);
    assert.equal(askingFor({ ui: person }, { kind: 'interactive' }).ui, person);
  });
});
