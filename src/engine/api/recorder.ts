import type { KObject } from '../objects/meta';
import type { KEvent } from '../objects/cluster';
import { EPOCH_MS, rfc3339 } from '../time/format';
import type { World } from '../sim/world';
import type { ApiClient } from './client';

/** client-go's EventCorrelator defaults (tools/record/events_cache.go). */
export const EVENT_CORRELATION = {
  /** The aggregator combines similar events (same object, type, reason) from the 10th within 10 min. */
  aggregateMax: 10,
  aggregateInterval: 600_000,
  /** The spam filter: 25 events per source and object, then one every 5 minutes. */
  spamBurst: 25,
  spamRefillMs: 300_000,
  /** Events already written are updated (count++) rather than rewritten while cached. */
  cacheSize: 4096,
} as const;

type Logged = { name: string; namespace: string; count: number; first: number };
type Aggregate = { messages: Set<string>; last: number };
type Bucket = { tokens: number; at: number };

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  if (map.size > EVENT_CORRELATION.cacheSize) map.delete(map.keys().next().value!);
}

/**
 * Writes Kubernetes Events (`kubectl get events`) for a component as client-go's recorder does:
 * named `<object>.<hex unix nanos>`; similar events (same object, type and reason) are combined
 * from the 10th within 10 minutes ("(combined from similar events): …"); a repeat of an event
 * already written bumps its `count` and `lastTimestamp`; and the spam filter lets a source write
 * at most 25 events per object, then one every 5 minutes. So a ReplicaSet creating 5,000 pods
 * writes a handful of SuccessfulCreate events, as a real kube-controller-manager does.
 * Every recorded event also goes to the simulation's log for narration, filtered or not.
 */
export class EventRecorder {
  private readonly logged = new Map<string, Logged>();
  private readonly aggregates = new Map<string, Aggregate>();
  private readonly buckets = new Map<string, Bucket>();
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
    const objectKey = `${involved.kind}|${namespace}|${involved.metadata.name}|${involved.metadata.uid}|${fieldPath ?? ''}`;

    // 1. The aggregator (EventAggregatorByReasonFunc): similar events share a key from the 10th on.
    const aggregateKey = `${objectKey}|${type}|${reason}`;
    let aggregate = this.aggregates.get(aggregateKey);
    if (!aggregate || now - aggregate.last > EVENT_CORRELATION.aggregateInterval)
      aggregate = { messages: new Set(), last: now };
    aggregate.last = now;
    let key = `${aggregateKey}|${message}`;
    let text = message;
    if (!aggregate.messages.has(message)) {
      if (aggregate.messages.size >= EVENT_CORRELATION.aggregateMax)
        aggregate.messages.delete(aggregate.messages.values().next().value!);
      aggregate.messages.add(message);
    }
    if (aggregate.messages.size >= EVENT_CORRELATION.aggregateMax) {
      key = aggregateKey;
      text = `(combined from similar events): ${message}`;
    }
    remember(this.aggregates, aggregateKey, aggregate);

    // 2. The logger: an event written before under the same key is updated, not written again.
    const previous = this.logged.get(key);
    const repeat =
      previous !== undefined && now - previous.first < EVENT_CORRELATION.aggregateInterval;

    // 3. The spam filter (EventSourceObjectSpamFilter): a token bucket per source and object.
    const bucket = this.buckets.get(objectKey) ?? { tokens: EVENT_CORRELATION.spamBurst, at: now };
    bucket.tokens = Math.min(
      EVENT_CORRELATION.spamBurst,
      bucket.tokens + (now - bucket.at) / EVENT_CORRELATION.spamRefillMs,
    );
    bucket.at = now;
    remember(this.buckets, objectKey, bucket);
    if (bucket.tokens < 1) return;
    bucket.tokens -= 1;

    if (repeat) {
      previous.count += 1;
      const count = previous.count;
      this.client.patch<KEvent>('events', previous.namespace, previous.name, (event) => ({
        ...event,
        count,
        message: text,
        lastTimestamp: rfc3339(now),
      }));
      return;
    }
    this.seq += 1;
    const nanos = (BigInt(EPOCH_MS + now) * 1_000_000n + BigInt(this.seq)).toString(16);
    const name = `${involved.metadata.name}.${nanos}`;
    remember(this.logged, key, { name, namespace, count: 1, first: now });
    const event: KEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: '', resourceVersion: '', creationTimestamp: '' },
      involvedObject: {
        kind: involved.kind,
        namespace,
        name: involved.metadata.name,
        uid: involved.metadata.uid,
        apiVersion: involved.apiVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message: text,
      type,
      source: { component: this.component, ...(this.host ? { host: this.host } : {}) },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      reportingComponent: this.component,
      reportingInstance: this.host ?? '',
    };
    this.client.create('events', event);
  }
}
