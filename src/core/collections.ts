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
  if (Array.isArray(items)) {
    // By index over arrays, which hold the records: `for…of` makes an iterator result per item until it is optimised.
    const list: readonly T[] = items;
    for (let i = 0; i < list.length; i++) pushTo(groups, keyOf(list[i]), list[i]);
  } else for (const item of items) pushTo(groups, keyOf(item), item);
  return groups;
}

/**
 * The largest `measure(item)` over `items`, or `empty` when there are none. A
 * loop, not `Math.max(...values)`: spreading puts every value on the call stack,
 * which overflows at about 120,000 items.
 *
 * @example
 * maxOf(["a", "abc"], (s) => s.length) // 3
 * maxOf([], (s: string) => s.length, 0) // 0
 */
export function maxOf<T>(items: Iterable<T>, measure: (item: T) => number, empty = Number.NEGATIVE_INFINITY): number {
  let best = empty;
  let seen = false;
  for (const item of items) {
    const value = measure(item);
    if (!seen || value > best) best = value;
    seen = true;
  }
  return best;
}

/**
 * The smallest `measure(item)` over `items`, or `empty` when there are none (a
 * loop, for the same reason as {@link maxOf}).
 *
 * @example
 * minOf([{ row: 4 }, { row: 2 }], (c) => c.row) // 2
 */
export function minOf<T>(items: Iterable<T>, measure: (item: T) => number, empty = Number.POSITIVE_INFINITY): number {
  let best = empty;
  let seen = false;
  for (const item of items) {
    const value = measure(item);
    if (!seen || value < best) best = value;
    seen = true;
  }
  return best;
}

/**
 * Case- and spacing-insensitive key for grouping by names people type.
 *
 * @example
 * nameKey("  Ana   López ") // "ana lópez"
 */
export function nameKey(text: string): string {
  const trimmed = text.trim();
  // Testing first spares building a new string for the usual, evenly spaced name.
  return (UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed).toLowerCase();
}

/**
 * {@link nameKey} remembered for each text over one pass through the records,
 * where the same names repeat down the sheet (filled-down teams, a KPI's readings).
 *
 * @example
 * const keyOf = nameKeys();
 * keyOf("Ana  López") // "ana lópez" (worked out once, then looked up)
 */
export function nameKeys(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = nameKey(text)));
    return key;
  };
}

/** Whitespace that needs folding: a run of two or more, or anything but a plain space. */
const UNEVEN_SPACE = /\s{2,}|[^\S ]/;
