// Runs last (test/integration/index.ts puts it after every other file): after every suite, no private key used in the run is in any
// file the extension host wrote, nor on the clipboard, and no log holds a signature or policy of what
// was signed. SecretStorage in code-server lives in the browser's profile, not on the host's disk, so
// the disk must be clean: user data (settings, global and workspace storage, logs with our output
// channels), the scratch HOME and TMPDIR, the workspace, and the launcher's logs of the run.
//
// The keys come from the registry in support/secrets.ts: what tests made or handed to the extension,
// every key the extension's key store listed (watched from the first test that activates it), and every
// PEM in a Secrets Manager secret (a key kept there for a backend must have no copy on this machine).
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/constants';
import {
  filesContaining,
  firstNeedleIn,
  privateKeyNeedles,
  rememberedKeyCount,
  rememberedKeyNeedles,
  rememberedSignatureCount,
  rememberPrivateKey,
  rememberSigned,
  signatureNeedles,
  watchKeyStore,
} from './support/secrets';
import { secretPems } from './support/awsKeysSeed';
import { testingHooks } from './support/testingHooks';

// Root hooks (outside any describe): they run around every test of every file.
afterEach(async () => {
  if (!vscode.extensions.getExtension(EXTENSION_ID)?.isActive) return;
  watchKeyStore((await testingHooks()).keyStore);
  rememberSigned(await vscode.env.clipboard.readText());
});

/** Every folder the extension host writes to, and the launcher's logs of this run. */
async function writtenFolders(): Promise<{ all: string[]; logs: string[] }> {
  const hooks = await testingHooks();
  // globalStorageUri is <user data>/User/globalStorage/<extension id>
  const userData = dirname(dirname(dirname(hooks.globalStorageUri.fsPath)));
  const output = process.env.CFPC_TEST_OUTPUT;
  const launcherLogs = output ? join(dirname(resolve(output)), 'logs') : undefined;
  const logs = [join(userData, 'logs'), ...(launcherLogs ? [launcherLogs] : [])].filter(existsSync);
  const all = [userData, process.env.HOME, process.env.TMPDIR, ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath), ...(output ? [output] : []), ...logs].filter(
    (path): path is string => !!path && existsSync(path),
  );
  // A folder inside another is scanned once, with its parent.
  const roots = [...new Set(all)].filter((path, _, list) => !list.some((other) => other !== path && path.startsWith(`${other}/`)));
  return { all: roots, logs };
}

describe('secret scan (after every other suite)', function () {
  this.timeout(120_000);

  it("finds a planted copy of a key's secret bytes (hex, in a file under a scanned folder), and only that", async () => {
    const { all } = await writtenFolders();
    const planted = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const needles = privateKeyNeedles(planted);
    const secret = Buffer.from(planted.export({ format: 'jwk' }).d!, 'base64url');
    const file = join(process.env.TMPDIR ?? all[0], 'planted', 'innocent.log');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `debug: key bytes ${secret.toString('hex')}\n`);
    try {
      const hits = all.flatMap((root) => filesContaining(root, needles));
      assert.deepEqual(
        hits.map((hit) => hit.file),
        [file],
      );
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
    assert.deepEqual(
      all.flatMap((root) => filesContaining(root, needles)),
      [],
      'the plant is gone',
    );
  });

  it('no private key used in the run is in any file the extension host wrote, nor on the clipboard', async () => {
    const hooks = await testingHooks();
    watchKeyStore(hooks.keyStore);
    rememberPrivateKey(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey); // at least one, even under --grep
    // Every private key the run put into Secrets Manager (Create Key Pair with keyStorage 'secretsManager'):
    // read from moto, so a key made by any suite is searched for, whether or not that suite registered it.
    const inSecretsManager = await secretPems();
    for (const pem of inSecretsManager) rememberPrivateKey(pem);
    await new Promise((r) => setTimeout(r, 50)); // the store's last snapshot
    const needles = rememberedKeyNeedles();
    const { all } = await writtenFolders();
    const started = Date.now();
    const hits = all.flatMap((root) => filesContaining(root, needles));
    console.log(`      scanned ${all.join(', ')} for ${rememberedKeyCount()} private keys (${inSecretsManager.length} from Secrets Manager; ${needles.length} forms) in ${Date.now() - started} ms`);
    assert.deepEqual(hits, [], 'private key material on disk');
    assert.equal(firstNeedleIn(await vscode.env.clipboard.readText(), needles), undefined, 'private key material on the clipboard');
  });

  it('no log holds a signature or policy of a URL or cookie signed in the run', async () => {
    const needles = signatureNeedles();
    const { logs } = await writtenFolders();
    assert.ok(logs.length > 0, 'the logs folders exist');
    const hits = logs.flatMap((root) => filesContaining(root, needles));
    console.log(`      scanned ${logs.join(', ')} for ${rememberedSignatureCount()} signatures and policies`);
    assert.deepEqual(hits, [], 'signatures or policies in a log');
  });
});
