// Memoisation with bounded memory, for pure per-text and per-word computations on the query path.

/** A cache that starts afresh once it holds `limit` entries, so that memory stays bounded. */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>()

  constructor(readonly limit: number) {}

  has(key: K): boolean {
    return this.#entries.has(key)
  }

  /** The cached value for `key`, computed and kept on first use. */
  get(key: K, compute: () => V): V {
    const cached = this.#entries.get(key)
    if (cached !== undefined || this.#entries.has(key)) return cached as V
    const value = compute()
    if (this.#entries.size >= this.limit) this.#entries.clear()
    this.#entries.set(key, value)
    return value
  }
}

/** One cache per owner object (an index, a vector table), dropped with its owner. */
export const cachePerOwner = <O extends object, K, V>(limit: number) => {
  const caches = new WeakMap<O, BoundedCache<K, V>>()
  return (owner: O): BoundedCache<K, V> => {
    let cache = caches.get(owner)
    if (!cache) caches.set(owner, (cache = new BoundedCache<K, V>(limit)))
    return cache
  }
}
