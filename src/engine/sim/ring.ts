/** A bounded buffer that keeps the newest `capacity` items, oldest first when read. */
export class Ring<T> {
  private items: T[] = [];
  private start = 0;
  private total = 0;

  constructor(readonly capacity: number) {}

  push(item: T): void {
    this.total += 1;
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Items pushed since the start, including those already dropped. */
  pushed(): number {
    return this.total;
  }

  toArray(): T[] {
    return this.items.length < this.capacity
      ? this.items.slice()
      : [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  /** Newest items first, while `keep` says yes. */
  newestWhile(keep: (item: T) => boolean): T[] {
    const out: T[] = [];
    const n = this.items.length;
    for (let i = 0; i < n; i += 1) {
      const index = (this.start + n - 1 - i) % n;
      const item = this.items[index]!;
      if (!keep(item)) break;
      out.push(item);
    }
    return out;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
  }
}
