// Workspace trust: the extension declares full support in restricted mode, which holds only while no
// setting a workspace could set changes what it does. Every setting must be application- or machine-scoped (a
// workspace value is ignored), or be listed in restrictedConfigurations with support turned to
// 'limited'. The integration suite workspaceTrust.test.ts checks the same in an untrusted workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;

describe('workspace trust (package.json)', () => {
  it('supports untrusted workspaces, and says why', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, true);
    assert.match(trust.description ?? '', /application-scope/);
  });

  it('contributes only application- or machine-scoped settings, which a workspace cannot set', () => {
    const settings = Object.entries(manifest.contributes.configuration.properties);
    assert.ok(settings.length > 0);
    // machine: user or remote settings only (a per-machine address such as cloudfront.hostAddresses).
    for (const [name, setting] of settings) assert.ok(['application', 'machine'].includes(setting.scope ?? ''), `${name} could be set by a workspace: make it application-scoped, or restricted`);
  });
});
