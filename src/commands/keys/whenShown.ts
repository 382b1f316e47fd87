// A pick's rows read only when someone shows them: a Ui that asks nobody (automation) never awaits
// them, so a call with all its answers given lists nothing in AWS for a question it is not asked.

/** A promise of `load()` that starts loading on its first `then` (or `await`), once. */
export function whenShown<T>(load: () => Promise<T>): Promise<T> {
  let loaded: Promise<T> | undefined;
  const get = () => (loaded ??= load());
  const lazy: PromiseLike<T> & Pick<Promise<T>, 'catch' | 'finally'> = {
    then: (onLoaded, onFailed) => get().then(onLoaded, onFailed),
    catch: (onFailed) => get().catch(onFailed),
    finally: (onSettled) => get().finally(onSettled),
  };
  return Object.assign(lazy, { [Symbol.toStringTag]: 'Promise' }) as Promise<T>;
}
