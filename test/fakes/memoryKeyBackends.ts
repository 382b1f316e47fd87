// In-memory stand-ins for vscode.SecretStorage and vscode.Memento (globalState), shared between
// "windows": every store made over the same backing maps sees the others' writes, and secret changes
// are announced to all of them as VS Code does (asynchronously, after the write).
import { Emitter } from '../../src/keys/emitter';
import type { IndexBackend, SecretBackend } from '../../src/keys/keyStore';
import { settle } from './settle';

export class SharedSecrets {
  readonly values = new Map<string, string>();
  private readonly windows: Array<Emitter<{ key: string }>> = [];

  /** The SecretStorage one window sees. */
  window(): SecretBackend {
    const changed = new Emitter<{ key: string }>();
    this.windows.push(changed);
    const announce = (key: string) => setImmediate(() => this.windows.forEach((w) => w.fire({ key })));
    return {
      get: (key) => Promise.resolve(this.values.get(key)),
      store: (key, value) => {
        this.values.set(key, value);
        announce(key);
        return Promise.resolve();
      },
      delete: (key) => {
        this.values.delete(key);
        announce(key);
        return Promise.resolve();
      },
      onDidChange: changed.event,
    };
  }
}

export class SharedMemento implements IndexBackend {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.values.get(key)) as T | undefined;
  }
  update(key: string, value: unknown): Promise<void> {
    // A value structuredClone refuses rejects the update, as it did when this was an async method.
    return settle(() => {
      this.values.set(key, structuredClone(value));
    });
  }
}
