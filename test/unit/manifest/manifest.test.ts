// package.json and src/constants.ts must agree: a menu or view that names an id the code never
// registers fails silently in VS Code, so it fails here instead.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Commands, ContextValues, Views } from '../../../src/constants';

interface Manifest {
  main: string;
  activationEvents: string[];
  icon: string;
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    views: Record<string, Array<{ id: string; name: string }>>;
    viewsContainers: { activitybar: Array<{ id: string; title: string; icon: string }> };
    menus: Record<string, Array<{ command: string; when?: string }>>;
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;

describe('package.json', () => {
  it('activates lazily and runs the bundle from dist/', () => {
    assert.deepEqual(manifest.activationEvents, []);
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('contributes every command id of src/constants.ts, each with the cloudfront. prefix', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(Commands).sort());
    for (const id of contributed) assert.match(id, /^cloudfront\./);
  });

  it('contributes "Sign CloudFront URL" in category CloudFront', () => {
    const sign = manifest.contributes.commands.find((c) => c.command === Commands.signUrl);
    assert.equal(nls[sign!.title.slice(1, -1)], 'Sign CloudFront URL');
    assert.equal(sign!.category, 'CloudFront');
  });

  it('declares the CloudFront view container with the Distributions, Keys and S3 Buckets views', () => {
    const container = manifest.contributes.viewsContainers.activitybar.find((c) => c.id === Views.container);
    assert.ok(container, 'activity bar container');
    assert.equal(nls[container.title.slice(1, -1)], 'CloudFront');
    const views = manifest.contributes.views[Views.container].map((v) => [v.id, nls[v.name.slice(1, -1)]]);
    assert.deepEqual(views, [
      [Views.distributions, 'Distributions'],
      [Views.keys, 'Keys'],
      [Views.buckets, 'S3 Buckets'],
    ]);
  });

  it('menus name only known commands and contextValues', () => {
    const known = new Set(Object.values(ContextValues) as string[]);
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) {
        assert.ok((Object.values(Commands) as string[]).includes(item.command), `${menu}: ${item.command}`);
        for (const [, value] of (item.when ?? '').matchAll(/viewItem == ([\w.]+)/g)) {
          assert.ok(known.has(value), `${menu}: unknown contextValue ${value}`);
        }
      }
    }
  });

  it('has a localized string for every %key% it uses', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 5);
    for (const key of keys) assert.ok(key in nls, `package.nls.json lacks ${key}`);
  });

  it('promises no newer VS Code API than the engine it declares', () => {
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = manifest.devDependencies['@types/vscode'].replace(/^[\^~]/, '');
    assert.equal(types, engine);
  });
});
