// The extension's test hooks (api.testing), whichever shape the extension under test has: the object
// of today, or the async function `api.testing(): Promise<TestingApi>` that activation is moving to.
import type { TestingApi } from '../../../src/api';
import { activateExtension } from './extension';

type TestingShape = TestingApi | (() => Promise<TestingApi>) | undefined;

export async function testingHooks(): Promise<TestingApi> {
  const api = await activateExtension();
  const testing = (api as { testing?: TestingShape }).testing;
  const hooks = typeof testing === 'function' ? await testing() : testing;
  if (!hooks) throw new Error('the extension does not run in test mode (ExtensionMode.Test): no api.testing');
  return hooks;
}
