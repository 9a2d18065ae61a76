import type DataLoader from "dataloader";

/** DataLoader batch results must come back in key order, one slot per key. */
export function oneByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

export function manyByKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * DataLoader's loadMany, failing with the first failed key's error: loadMany itself hands
 * failures back among the values, where a filter would silently drop them.
 */
export async function loadAll<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const results = await loader.loadMany(keys);
  const failed = results.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  return results.filter((r): r is V => !(r instanceof Error));
}
