// A map that forgets its oldest entry when full: enough for the handful of keys a window signs with,
// and bounded so a long session that sees many keys does not keep them all alive.

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  getOrCreate(key: string, create: () => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const value = create();
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}
