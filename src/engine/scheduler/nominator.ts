import type { PodPlan } from './podplan';
import type { QueuedPod } from './queue';

/**
 * The nominator (k/k pkg/scheduler/backend/queue/nominator.go): pods that preempted others wait
 * with status.nominatedNodeName, and the room they freed is counted as theirs when the scheduler
 * filters that node for pods of equal or lower priority.
 */
export class Nominator {
  private readonly byNode = new Map<string, QueuedPod[]>();
  private readonly nodeOf = new Map<string, string>();

  size(): number {
    return this.nodeOf.size;
  }

  nodeFor(uid: string): string | undefined {
    return this.nodeOf.get(uid);
  }

  /** AddNominatedPod (replacing an earlier nomination). */
  add(queued: QueuedPod, node: string): void {
    this.remove(queued.uid);
    let list = this.byNode.get(node);
    if (!list) this.byNode.set(node, (list = []));
    list.push(queued);
    this.nodeOf.set(queued.uid, node);
  }

  /** DeleteNominatedPodIfExists. */
  remove(uid: string): void {
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const list = this.byNode.get(node)!;
    const index = list.findIndex((q) => q.uid === uid);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.byNode.delete(node);
  }

  /** Pods nominated to `node`. */
  podsOn(node: string): readonly QueuedPod[] | undefined {
    return this.byNode.get(node);
  }

  /** Whether another pod at least as important as `plan`'s is nominated to `node` (addGENominatedPods). */
  hasHigherOrEqual(node: string, plan: PodPlan): boolean {
    const list = this.byNode.get(node);
    if (!list) return false;
    for (const q of list) if (q.uid !== plan.uid && q.plan.priority >= plan.priority) return true;
    return false;
  }
}
