/**
 * A value built on first use and shared after. A failed build does not stick: the next `get()`
 * builds again (the user may have fixed their credentials). `reset()` drops the value.
 */
export class Lazy<T> {
  private value: Promise<T> | undefined;

  constructor(private readonly build: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.value) {
      const building = this.build();
      this.value = building;
      building.catch(() => {
        if (this.value === building) this.value = undefined;
      });
    }
    return this.value;
  }

  reset(): void {
    this.value = undefined;
  }
}
