/**
 * A running 53-bit string hash (cyrb53 folded over successive chunks): cheap enough to fold
 * every event of a run, so two runs can be compared without keeping their whole logs.
 */
export class RunningHash {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  /** Folds `text` into the hash. */
  add(text: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.h1 = h1 >>> 0;
    this.h2 = h2 >>> 0;
  }

  /** The hash so far, as 14 hex digits. */
  hex(): string {
    return (4294967296 * (2097151 & this.h2) + this.h1).toString(16).padStart(14, '0');
  }
}
