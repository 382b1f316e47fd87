// Sample only: puts the private key of the `npm start` sample's signing key into this window's key
// store, so the first "Sign CloudFront URL" signs at once. It runs the extension's own
// "CloudFront: Import Private Key" with an options object (asks nothing; links the key only when it is
// the public half CloudFront holds). Each window imports it again: in VS Code in the browser every page
// has its own secret storage, and importing a stored key again changes nothing.
//
// Why an extension of its own: the key store is VS Code's SecretStorage, which only an extension in
// the window can write, and no setting or workspace file may carry a private key (a workspace could
// set it). `npm start` copies this folder into its scratch folder with keys.json beside this file
// (mode 0600), installs it there for that run only, and deletes the folder when it stops; nothing else
// installs it, it reads no other file, and it is never packaged (.vscodeignore).
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');

/** @returns {Array<{ publicKeyId: string, name: string, privateKeyPem: string }>} */
function sampleKeys() {
  try {
    return JSON.parse(readFileSync(join(__dirname, 'keys.json'), 'utf8'));
  } catch {
    return []; // no sample keys for this run
  }
}

exports.activate = async function activate() {
  const imported = [];
  for (const key of sampleKeys()) {
    try {
      await vscode.commands.executeCommand('cloudfront.importPrivateKey', { pem: key.privateKeyPem, publicKeyId: key.publicKeyId, name: key.name });
      imported.push(key.publicKeyId);
    } catch (error) {
      // The extension's log says why; the sample works without it, only the first sign then offers the fixes.
      console.error(`sample key ${key.publicKeyId} not imported: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Which keys the last window to start has in its key store (ids only): what the UI test of the sample waits for.
  if (imported.length > 0) writeFileSync(join(__dirname, 'imported.json'), JSON.stringify(imported));
};

exports.deactivate = function deactivate() {};
