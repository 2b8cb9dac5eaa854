/**
 * Small collection helpers shared by the analysis, checks, rollup and reviews,
 * which all gather records under a key (a KPI's series, a person, a team).
 */

/**
 * Appends `value` to the list under `key`, starting the list when the key is new.
 *
 * @example
 * const byTeam = new Map<string, string[]>();
 * pushTo(byTeam, "Sales", "Grow revenue");
 * pushTo(byTeam, "Sales", "Win Acme");
 * byTeam.get("Sales") // ["Grow revenue", "Win Acme"]
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Orders text by UTF-16 code units, as `<` does: the same order whatever the
 * locale, which ISO dates and sheet names sort correctly by.
 *
 * @example
 * compareText("2026-07-01", "2026-10-01") // -1
 * ["b", "a", "B"].sort(compareText) // ["B", "a", "b"]
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Groups items by a key. Keys keep the order in which they first appear, and
 * each group keeps the items' order, so results follow the sheet's order.
 *
 * @example
 * groupBy(["ant", "bee", "asp"], (word) => word[0]) // Map { "a" => ["ant", "asp"], "b" => ["bee"] }
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) pushTo(groups, keyOf(item), item);
  return groups;
}
