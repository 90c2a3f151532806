/** Chunks are immutable, so there is nothing to invalidate. */
export class ChunkCache {
  private readonly entries = new Map<string, { value: Map<string, unknown>; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): Map<string, unknown> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Map<string, unknown>, bytes: number): void {
    const existing = this.entries.get(key);
    if (existing) this.total -= existing.bytes;
    this.entries.delete(key);
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.total <= this.maxBytes || oldest === key) break;
      this.entries.delete(oldest);
      this.total -= entry.bytes;
    }
  }
}
