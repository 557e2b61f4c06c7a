// Reads many people ask for at once, shared. A read asked for while one of the same key runs
// waits for it, then shares the next read with everyone who asked meanwhile: each still sees
// every commit made before they asked (the read they get starts after), and a class asking at
// once reads its session a few times over rather than once per student.

/** A promise that settles when `promise` does, and never rejects. */
const settled = (promise: Promise<unknown>) => promise.then(() => undefined, () => undefined);

export function sharedReads<V>(read: (key: string) => Promise<V>): (key: string) => Promise<V> {
  const loads = new Map<string, { read: Promise<V>; next?: Promise<V> }>();
  return function shared(key: string): Promise<V> {
    const current = loads.get(key);
    if (current) return (current.next ??= settled(current.read).then(() => shared(key)));
    const entry = { read: read(key) };
    loads.set(key, entry);
    // Registered before any `next`, so the entry is gone when the next read starts.
    void settled(entry.read).then(() => loads.delete(key));
    return entry.read;
  };
}
