import type { ApiClient } from '../../api/client';
import type { Pod } from '../../objects/workloads';
import type { World } from '../../sim/world';
import { KUBELET_CONDITIONS, buildPodStatus } from './podStatus';
import type { PodRecord } from './records';
import { kubeletSettings } from './settings';

/** What the status manager needs from the pod workers. */
export type StatusHost = {
  /** The node's address: every pod's hostIP. */
  readonly hostIP: string;
  /** Whether the record is still the kubelet's (not forgotten or replaced). */
  isCurrent(rec: PodRecord): boolean;
  /** The pod object is gone for good: drop every trace of it. */
  forget(rec: PodRecord): void;
};

/**
 * The kubelet's status manager (pkg/kubelet/status/status_manager.go): it PATCHes a pod's status
 * when it changed (changes within the same instant go out as one write), keeps conditions that
 * other components own, never moves a pod out of a terminal phase, retries failed writes every
 * 10 s, and, once a deleted pod's terminal status is written, deletes the object with grace 0.
 */
export class StatusManager {
  private readonly dirty = new Set<PodRecord>();
  private readonly retry = new Set<PodRecord>();
  private flushTimer: number | undefined;
  private retryTimer: number | undefined;
  private stopped = false;

  constructor(
    private readonly world: World,
    private readonly client: ApiClient,
    private readonly host: StatusHost,
  ) {}

  /** Stops writing (the ship sank). */
  stop(): void {
    this.stopped = true;
    for (const timer of [this.flushTimer, this.retryTimer])
      if (timer !== undefined) this.world.agenda.cancel(timer);
  }

  /** Forgets a pod's pending writes. */
  drop(rec: PodRecord): void {
    this.dirty.delete(rec);
    this.retry.delete(rec);
  }

  /** The status manager: a changed status is PATCHed now (coalesced within the same instant). */
  markDirty(rec: PodRecord): void {
    rec.version += 1;
    this.dirty.add(rec);
    if (this.flushTimer === undefined)
      this.flushTimer = this.world.agenda.after(0, () => {
        this.flushTimer = undefined;
        const recs = [...this.dirty];
        this.dirty.clear();
        for (const r of recs) this.send(r);
      });
  }

  /**
   * status_manager.go needsReconcile: if the pod as the API has it differs from what this kubelet
   * would report (someone else wrote its status — the node controller marking it not ready during an
   * outage), write the kubelet's view again.
   */
  reconcile(rec: PodRecord, pod: Pod): void {
    if (this.stopped || rec.inflight || rec.sentVersion === 0 || rec.deletedFromApi) return;
    if (
      statusKey(buildPodStatus(rec, this.host.hostIP, this.world.now())) !== statusKey(pod.status)
    )
      this.markDirty(rec);
  }

  send(rec: PodRecord): void {
    if (this.stopped || rec.deletedFromApi || !this.host.isCurrent(rec)) return;
    if (rec.inflight) return;
    if (rec.version === rec.sentVersion) {
      this.maybeDelete(rec);
      return;
    }
    const version = rec.version;
    const status = buildPodStatus(rec, this.host.hostIP, this.world.now());
    const uid = rec.uid;
    rec.inflight = true;
    this.client.patch<Pod>(
      'pods',
      rec.namespace,
      rec.name,
      (current) => {
        if (current.metadata.uid !== uid) return current;
        const old = current.status ?? { phase: 'Pending' };
        // The status manager never moves a pod out of a terminal phase.
        if ((old.phase === 'Succeeded' || old.phase === 'Failed') && status.phase !== old.phase)
          return current;
        const kept = (old.conditions ?? []).filter((c) => !KUBELET_CONDITIONS.has(c.type));
        return {
          ...current,
          status: {
            ...status,
            conditions: [...(status.conditions ?? []), ...kept],
            ...(old.qosClass ? { qosClass: old.qosClass } : {}),
            ...(old.nominatedNodeName ? { nominatedNodeName: old.nominatedNodeName } : {}),
          },
        };
      },
      (result) => {
        rec.inflight = false;
        if (this.stopped) return;
        if (result.ok) {
          rec.sentVersion = Math.max(rec.sentVersion, version);
          this.retry.delete(rec);
          this.send(rec);
        } else if (result.error.reason !== 'NotFound') this.retryLater(rec);
      },
      'status',
    );
  }

  /** status_manager.go: once a deleted pod's terminal status is written, delete it with grace 0. */
  private maybeDelete(rec: PodRecord): void {
    if (!rec.terminating || !rec.torndown || rec.deleting || rec.deletedFromApi) return;
    if (!rec.pod.metadata.deletionTimestamp) return;
    rec.deleting = true;
    this.client.delete(
      'pods',
      rec.namespace,
      rec.name,
      { gracePeriodSeconds: 0, uid: rec.uid },
      (result) => {
        if (this.stopped) return;
        if (result.ok || result.error.reason === 'NotFound' || result.error.reason === 'Conflict') {
          this.host.forget(rec);
          return;
        }
        rec.deleting = false;
        this.retryLater(rec);
      },
    );
  }

  /** Failed writes are retried by the status manager's periodic sync (every 10 s). */
  private retryLater(rec: PodRecord): void {
    this.retry.add(rec);
    if (this.retryTimer !== undefined) return;
    this.retryTimer = this.world.agenda.after(kubeletSettings.statusSyncPeriod, () => {
      this.retryTimer = undefined;
      const recs = [...this.retry];
      this.retry.clear();
      for (const r of recs) this.send(r);
    });
  }
}

/** The parts of a pod status the kubelet owns, without timestamps: equal keys need no write. */
function statusKey(status: Pod['status'] | undefined): string {
  if (!status) return '';
  const conditions = (status.conditions ?? [])
    .filter((c) => KUBELET_CONDITIONS.has(c.type))
    .map((c) => `${c.type}=${c.status}`)
    .sort()
    .join(',');
  const containers = (status.containerStatuses ?? [])
    .map((c) => `${c.name}:${c.ready}:${c.restartCount}:${Object.keys(c.state)[0] ?? ''}`)
    .join(',');
  return `${status.phase}|${status.podIP ?? ''}|${conditions}|${containers}`;
}
