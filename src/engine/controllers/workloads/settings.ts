import type { World } from '../../sim/world';

/**
 * kube-controller-manager settings the workload controllers use, in ms where they are times.
 * `burstReplicas` and `expectationsTimeout` come from `world.timings`; the others are not (yet) in
 * the shared `Timings`, so they default here with their source, and a key of the same name in
 * `world.timings` (a scenario override, or a later addition to `Timings`) wins.
 */
export type WorkloadSettings = {
  /** ReplicaSet controller: at most 500 creates/deletes per sync (replica_set.go BurstReplicas). */
  burstReplicas: number;
  /** Expectations expire after 5 min (controller_utils.go ExpectationsTimeout). */
  expectationsTimeout: number;
  /** --concurrent-replicaset-syncs (default 5). */
  concurrentReplicaSetSyncs: number;
  /** --concurrent-deployment-syncs (default 5). */
  concurrentDeploymentSyncs: number;
  /** --concurrent-gc-syncs (default 20). */
  concurrentGCSyncs: number;
  /** Pod GC loop period: gcCheckPeriod = 20 s (pkg/controller/podgc/gc_controller.go). */
  podGCPeriod: number;
  /** Pod GC waits 40 s (quarantineTime) before trusting that a node is really gone. */
  podGCQuarantine: number;
  /** --terminated-pod-gc-threshold (default 12500; 0 disables). */
  terminatedPodGCThreshold: number;
  /** client-go workqueue DefaultControllerRateLimiter: per-item back-off 5 ms doubling to 1000 s. */
  rateLimitBase: number;
  rateLimitMax: number;
  /** garbagecollector: absentOwnerCache holds 500 verified-absent owners (LRU). */
  absentOwnerCacheSize: number;
  /** How long an office lamp stays lit after it acts (presentation, not Kubernetes). */
  officeBusy: number;
};

const DEFAULTS: Omit<WorkloadSettings, 'burstReplicas' | 'expectationsTimeout'> = {
  concurrentReplicaSetSyncs: 5,
  concurrentDeploymentSyncs: 5,
  concurrentGCSyncs: 20,
  podGCPeriod: 20_000,
  podGCQuarantine: 40_000,
  terminatedPodGCThreshold: 12_500,
  rateLimitBase: 5,
  rateLimitMax: 1_000_000,
  absentOwnerCacheSize: 500,
  officeBusy: 500,
};

/** The settings for `world`: its timings first, then the kube-controller-manager defaults. */
export function workloadSettings(world: World): WorkloadSettings {
  const overrides = world.timings as unknown as Partial<Record<keyof WorkloadSettings, number>>;
  const out = {
    burstReplicas: world.timings.burstReplicas,
    expectationsTimeout: world.timings.expectationsTimeout,
  } as WorkloadSettings;
  for (const key of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[])
    out[key] = overrides[key] ?? DEFAULTS[key];
  return out;
}
