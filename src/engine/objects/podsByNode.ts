/**
 * An index of pod keys by `spec.nodeName`, as kube-apiserver's watch cache and client-go indexers
 * keep one: moving a pod between nodes (binding) updates it, so a node's pods are one lookup away.
 */
export class PodsByNode {
  private readonly byNode = new Map<string, Set<string>>();

  /** Records that the pod `key` moved from node `before` to node `after` (either may be absent). */
  move(key: string, before: string | undefined, after: string | undefined): void {
    if (before === after) return;
    if (before) this.byNode.get(before)?.delete(key);
    if (after) {
      let set = this.byNode.get(after);
      if (!set) this.byNode.set(after, (set = new Set()));
      set.add(key);
    }
  }

  /** The keys of the pods on `node`. */
  on(node: string): ReadonlySet<string> {
    return this.byNode.get(node) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
