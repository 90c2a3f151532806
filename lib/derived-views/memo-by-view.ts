/**
 * Memoizes what is computed from a derived view, per view and per argument key. readDerivedView returns the
 * same Map for as long as the view is unchanged and a new one after any change, so an entry can never be stale:
 * a changed view is a different key, and the old one is collected with its Map.
 */
export function memoByView<V extends object, T>(compute: (view: V, key: string) => T, maxKeysPerView = 16) {
  const memo = new WeakMap<V, Map<string, T>>();
  return (view: V, key = ''): T => {
    let byKey = memo.get(view);
    if (!byKey) memo.set(view, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    if (byKey.size >= maxKeysPerView) byKey.delete(byKey.keys().next().value!);
    const value = compute(view, key);
    byKey.set(key, value);
    return value;
  };
}
