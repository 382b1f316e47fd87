// The part of vscode.EventEmitter the key store needs, so the store runs in plain Node (unit tests)
// too. Structurally a vscode.Event: views subscribe to it as to any other.

export interface Disposable {
  dispose(): void;
}
export type Event<T> = (listener: (value: T) => unknown) => Disposable;

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => unknown>();

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
