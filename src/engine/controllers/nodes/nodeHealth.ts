import type { Condition } from '../../objects/meta';
import type { Lease, Node } from '../../objects/cluster';
import { parseRfc3339, rfc3339 } from '../../time/format';
import { LABEL_EXCLUDE_DISRUPTION, UNHEALTHY_ZONE_THRESHOLD, type ZoneState } from './constants';

/**
 * What the node lifecycle controller remembers of a node (upstream's nodeHealthData): the Ready
 * condition it last saw, and — in its own clock — when it last heard from the kubelet.
 */
export type NodeHealth = {
  readonly readyCondition?: Condition;
  /** Local time of the last heartbeat seen (Ready's lastHeartbeatTime changed, or the Lease renewed). */
  readonly probeTimestamp: number;
  readonly readyTransitionTimestamp: number;
  /** The renewTime of the Lease last seen, in simulated ms. */
  readonly leaseRenewTime?: number;
};

export type HealthResult = {
  health: NodeHealth;
  gracePeriod: number;
  /** Ready as the node said it before this pass (a placeholder Unknown if it never said). */
  observed: Condition;
  /** Ready after this pass (Unknown if the controller just marked it so). */
  current: Condition | undefined;
  /** The status to write back when the controller marked conditions Unknown. */
  status?: Node['status'];
};

export function nodeCondition(node: Node, type: string): Condition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

/** Conditions the controller sets to Unknown on a silent node; NetworkUnavailable belongs to the network plugin. */
const UNKNOWN_ON_SILENCE = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

const sameCondition = (a: Condition | undefined, b: Condition | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * `tryUpdateNodeHealth` (node_lifecycle_controller.go): refreshes the probe timestamp when the
 * kubelet's Ready heartbeat or its Lease moved, and when nothing was heard for the grace period
 * (nodeMonitorGracePeriod, or nodeStartupGracePeriod for a node that never reported Ready)
 * marks Ready and the pressure conditions Unknown, "Kubelet stopped posting node status."
 */
export function tryUpdateNodeHealth(
  node: Node,
  saved: NodeHealth | undefined,
  lease: Lease | undefined,
  now: number,
  grace: { monitor: number; startup: number },
): HealthResult {
  let health = saved;
  let observed: Condition;
  let gracePeriod: number;
  const currentReady = nodeCondition(node, 'Ready');
  if (!currentReady) {
    // Never posted: a placeholder dated at creation, and the longer startup grace.
    observed = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: node.metadata.creationTimestamp,
      lastTransitionTime: node.metadata.creationTimestamp,
    };
    gracePeriod = grace.startup;
    health = health
      ? { ...health, readyCondition: undefined }
      : (() => {
          const created = parseRfc3339(node.metadata.creationTimestamp) ?? now;
          return { probeTimestamp: created, readyTransitionTimestamp: created };
        })();
  } else {
    observed = currentReady;
    gracePeriod = grace.monitor;
  }
  const savedCondition = health?.readyCondition;
  const savedLease = health?.leaseRenewTime;
  if (!health || (!savedCondition && currentReady) || (savedCondition && !currentReady)) {
    health = {
      ...(currentReady ? { readyCondition: currentReady } : {}),
      probeTimestamp: now,
      readyTransitionTimestamp: now,
    };
  } else if (
    savedCondition &&
    currentReady &&
    savedCondition.lastHeartbeatTime !== currentReady.lastHeartbeatTime
  ) {
    // As upstream, the fresh record drops the remembered Lease: the next pass counts the same
    // Lease as new once more.
    health = {
      readyCondition: currentReady,
      probeTimestamp: now,
      readyTransitionTimestamp:
        savedCondition.lastTransitionTime !== currentReady.lastTransitionTime
          ? now
          : health.readyTransitionTimestamp,
    };
  }
  // Always refresh the probe time when the Lease was renewed.
  const renewed = lease?.spec.renewTime ? parseRfc3339(lease.spec.renewTime) : undefined;
  if (renewed !== undefined && (savedLease === undefined || savedLease < renewed)) {
    health = { ...health, leaseRenewTime: renewed, probeTimestamp: now };
  }

  let current = currentReady;
  if (now > health.probeTimestamp + gracePeriod) {
    const stamp = rfc3339(now);
    const conditions = [...(node.status?.conditions ?? [])];
    for (const type of UNKNOWN_ON_SILENCE) {
      const index = conditions.findIndex((c) => c.type === type);
      if (index < 0) {
        conditions.push({
          type,
          status: 'Unknown',
          reason: 'NodeStatusNeverUpdated',
          message: 'Kubelet never posted node status.',
          lastHeartbeatTime: node.metadata.creationTimestamp,
          lastTransitionTime: stamp,
        });
      } else if (conditions[index]!.status !== 'Unknown') {
        conditions[index] = {
          ...conditions[index]!,
          status: 'Unknown',
          reason: 'NodeStatusUnknown',
          message: 'Kubelet stopped posting node status.',
          lastTransitionTime: stamp,
        };
      }
    }
    current = conditions.find((c) => c.type === 'Ready');
    if (!sameCondition(current, observed)) {
      return {
        health: {
          ...(current ? { readyCondition: current } : {}),
          probeTimestamp: health.probeTimestamp,
          readyTransitionTimestamp: now,
          ...(renewed !== undefined ? { leaseRenewTime: renewed } : {}),
        },
        gracePeriod,
        observed,
        current,
        status: { ...node.status, conditions },
      };
    }
  }
  return { health, gracePeriod, observed, current };
}

/** `nodetopology.GetZoneKey`: region and zone labels; nodes without them share the zone "". */
export function zoneKey(node: Node): string {
  const labels = node.metadata.labels ?? {};
  const zone =
    labels['failure-domain.beta.kubernetes.io/zone'] ?? labels['topology.kubernetes.io/zone'] ?? '';
  const region =
    labels['failure-domain.beta.kubernetes.io/region'] ??
    labels['topology.kubernetes.io/region'] ??
    '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** A zone key as people read it. */
export function zoneName(key: string): string {
  return key === '' ? 'the fleet (no zone labels)' : key.replace(':\x00:', '/');
}

export function excludedFromDisruption(node: Node): boolean {
  return node.metadata.labels?.[LABEL_EXCLUDE_DISRUPTION] !== undefined;
}

/**
 * `ComputeZoneState`: FullDisruption when no node of the zone is Ready; PartialDisruption when
 * more than 2 nodes and at least 55 % are not Ready; else Normal.
 */
export function computeZoneState(conditions: readonly (Condition | undefined)[]): {
  unhealthy: number;
  state: ZoneState;
} {
  let ready = 0;
  let notReady = 0;
  for (const c of conditions) {
    if (c?.status === 'True') ready += 1;
    else notReady += 1;
  }
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD)
    return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}
