import type { KObject } from '../objects/meta';
import type { KEvent } from '../objects/cluster';
import { EPOCH_MS, rfc3339 } from '../time/format';
import type { World } from '../sim/world';
import type { ApiClient } from './client';

type Aggregate = { name: string; namespace: string; count: number; first: number };

/**
 * Writes Kubernetes Events (`kubectl get events`) for a component, as client-go's recorder does:
 * named `<object>.<hex unix nanos>`, and a repeat of the same event (same object, reason and
 * message within 10 minutes) bumps `count` and `lastTimestamp` instead of making a new one.
 * Every event also goes to the simulation's log for narration.
 */
export class EventRecorder {
  private readonly seen = new Map<string, Aggregate>();
  private seq = 0;

  constructor(
    private readonly world: World,
    private readonly client: ApiClient,
    /** `source.component`: `default-scheduler`, `kubelet`, `replicaset-controller`, … */
    private readonly component: string,
    private readonly host?: string,
  ) {}

  record(
    involved: KObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    fieldPath?: string,
  ): void {
    const now = this.world.now();
    const namespace = involved.metadata.namespace ?? 'default';
    const subject = `${involved.kind.toLowerCase()}/${involved.metadata.namespace ? `${namespace}/` : ''}${involved.metadata.name}`;
    this.world.trace.event(
      now,
      this.client.id,
      `k8s.${reason}`,
      `${involved.kind} ${involved.metadata.name}: ${reason}: ${message}`,
      subject,
    );
    const aggregateKey = `${involved.metadata.uid}|${reason}|${message}|${type}`;
    const previous = this.seen.get(aggregateKey);
    if (previous && now - previous.first < 600_000) {
      previous.count += 1;
      const count = previous.count;
      this.client.patch<KEvent>('events', previous.namespace, previous.name, (event) => ({
        ...event,
        count,
        lastTimestamp: rfc3339(now),
      }));
      return;
    }
    this.seq += 1;
    const nanos = (BigInt(EPOCH_MS + now) * 1_000_000n + BigInt(this.seq)).toString(16);
    const name = `${involved.metadata.name}.${nanos}`;
    this.seen.set(aggregateKey, { name, namespace, count: 1, first: now });
    const event: KEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: {
        kind: involved.kind,
        namespace: involved.metadata.namespace ?? 'default',
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      type,
      source: { component: this.component, ...(this.host ? { host: this.host } : {}) },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
    this.client.create('events', event);
    if (this.seen.size > 4096) {
      for (const [key, aggregate] of this.seen)
        if (now - aggregate.first >= 600_000) this.seen.delete(key);
    }
  }
}
