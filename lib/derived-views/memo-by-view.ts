/** Never stale: readDerivedView returns a new Map after any change, so a changed view is a different key. */
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
