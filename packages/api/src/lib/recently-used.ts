/**
 * Maps used as least-recently-used stores: a Map iterates in insertion order, so moving a key to the end
 * on every use leaves the least recently used first, the one to drop.
 */

/** Mark `key` (holding `value`) as just used. */
export function touch<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.delete(key);
  map.set(key, value);
}

/** Keep `value` under `key` as the most recently used, dropping the least recently used beyond `max`. */
export function keep<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  touch(map, key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}
