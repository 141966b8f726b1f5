/** What a controller expects to see for one of its objects (ControlleeExpectations). */
type Expectation = { add: number; del: number; timestamp: number; deleteKeys: Set<string> };

/**
 * controller.UIDTrackingControllerExpectations (pkg/controller/controller_utils.go): before it
 * creates or deletes pods, a ReplicaSet sync records how many it expects to see, and skips
 * managing replicas until the informer has observed them all, or `timeout` has passed, so a slow
 * watch never makes it create the same pods twice. Deletions are tracked by pod key, so a pod seen
 * first with a deletionTimestamp and then gone counts once.
 */
export class Expectations {
  private readonly byKey = new Map<string, Expectation>();

  constructor(private readonly timeout: number) {}

  /** SatisfiedExpectations: none recorded, all observed, or expired (older than the timeout). */
  satisfied(key: string, now: number): boolean {
    const exp = this.byKey.get(key);
    if (!exp) return true;
    if (exp.add <= 0 && exp.del <= 0) return true;
    return now - exp.timestamp > this.timeout;
  }

  /** ExpectCreations: replaces the counts with `adds` creations. */
  expectCreations(key: string, adds: number, now: number): void {
    const deleteKeys = this.byKey.get(key)?.deleteKeys ?? new Set<string>();
    this.byKey.set(key, { add: adds, del: 0, timestamp: now, deleteKeys });
  }

  /** ExpectDeletions: replaces the counts with the deletion of exactly these pods. */
  expectDeletions(key: string, podKeys: readonly string[], now: number): void {
    this.byKey.set(key, {
      add: 0,
      del: podKeys.length,
      timestamp: now,
      deleteKeys: new Set(podKeys),
    });
  }

  /** CreationObserved: one expected pod was seen (or will never come). */
  creationObserved(key: string): void {
    const exp = this.byKey.get(key);
    if (exp) exp.add -= 1;
  }

  /** DeletionObserved: counts only the pods this key is waiting for, each once. */
  deletionObserved(key: string, podKey: string): void {
    const exp = this.byKey.get(key);
    if (exp && exp.deleteKeys.delete(podKey)) exp.del -= 1;
  }

  /** DeleteExpectations: the ReplicaSet is gone (a new one of the same name starts clean). */
  delete(key: string): void {
    this.byKey.delete(key);
  }

  /** The outstanding counts, for tests and inspection. */
  get(key: string): { add: number; del: number } | undefined {
    const exp = this.byKey.get(key);
    return exp ? { add: exp.add, del: exp.del } : undefined;
  }

  clear(): void {
    this.byKey.clear();
  }
}
