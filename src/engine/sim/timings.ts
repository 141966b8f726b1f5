/**
 * Kubernetes' real timings (defaults of about v1.33–1.36) that the simulation uses, in ms.
 * Sources are in ../shared/k8s-facts.md; a scenario may override one and then says so on screen.
 */
export type Timings = {
  /** kubelet Lease renewal: 0.25 × nodeLeaseDurationSeconds (40 s) = 10 s (k/k pkg/kubelet/kubelet.go). */
  leaseRenewInterval: number;
  nodeLeaseDurationSeconds: number;
  /** kubelet computes node status every 10 s (nodeStatusUpdateFrequency)… */
  nodeStatusUpdateFrequency: number;
  /** …and posts it on change, or at least every 5 min (nodeStatusReportFrequency). */
  nodeStatusReportFrequency: number;
  /** node lifecycle controller: check every 5 s (--node-monitor-period). */
  nodeMonitorPeriod: number;
  /** 50 s without a heartbeat → Ready=Unknown (--node-monitor-grace-period; 40 s before v1.32, k/k#126287). */
  nodeMonitorGracePeriod: number;
  /** --node-startup-grace-period: 1 min for a node that has not reported yet. */
  nodeStartupGracePeriod: number;
  /** DefaultTolerationSeconds admission: not-ready / unreachable NoExecute tolerated for 300 s. */
  defaultTolerationSeconds: number;
  /** --node-eviction-rate 0.1 nodes/s: one node's pods evicted every 10 s. */
  nodeEvictionInterval: number;
  /** Crash and image-pull back-off: 10 s doubling to 300 s (MaxContainerBackOff), reset after 10 min running. */
  backoffInitial: number;
  backoffMax: number;
  backoffReset: number;
  /** kubelet PLEG relist period. */
  plegRelistPeriod: number;
  /** Pod terminationGracePeriodSeconds default. */
  terminationGracePeriodSeconds: number;
  /** Scheduler back-off queue 1 s → 10 s; unschedulable pods retried after at most 5 min. */
  schedulerInitialBackoff: number;
  schedulerMaxBackoff: number;
  schedulerUnschedulableTimeout: number;
  /** ReplicaSet controller: at most 500 creates/deletes per sync; expectations expire after 5 min. */
  burstReplicas: number;
  expectationsTimeout: number;
  /** kube-proxy (iptables): minSyncPeriod 1 s, full resync every 30 s. */
  proxyMinSyncPeriod: number;
  proxySyncPeriod: number;
  /** Probe defaults: period 10 s, timeout 1 s, failureThreshold 3, successThreshold 1. */
  probePeriod: number;
  probeFailureThreshold: number;
  probeSuccessThreshold: number;
  /** etcd raft: heartbeat 100 ms, election timeout 1000 ms; a request times out after 5 s + 2 × election. */
  etcdHeartbeat: number;
  etcdElectionTimeout: number;
  etcdRequestTimeout: number;
  /** kube-apiserver compacts etcd every 5 min (--etcd-compaction-interval). */
  compactionInterval: number;
  /** Events expire after 1 h (--event-ttl). */
  eventTtl: number;
  /** Network and processing (not Kubernetes settings: a small healthy cluster's magnitudes). */
  networkHop: number;
  apiProcessing: number;
  etcdCommit: number;
  watchLatency: number;
  /** A request from a ship whose radio is cut gives up after this long (i/o timeout). */
  clientTimeout: number;
  /** Container runtime steps (typical magnitudes; pull time also grows with image size). */
  sandboxCreate: number;
  containerCreate: number;
  containerStart: number;
  pullSetup: number;
  pullBytesPerSecond: number;
  containerStop: number;
};

/**
 * Kubernetes' defaults, as the simulation uses them unless a scenario overrides one.
 *
 * @example
 * defaultTimings().nodeMonitorGracePeriod; // 50_000 (ms): Ready=Unknown after 50 s of silence
 */
export function defaultTimings(): Timings {
  return {
    leaseRenewInterval: 10_000,
    nodeLeaseDurationSeconds: 40,
    nodeStatusUpdateFrequency: 10_000,
    nodeStatusReportFrequency: 300_000,
    nodeMonitorPeriod: 5_000,
    nodeMonitorGracePeriod: 50_000,
    nodeStartupGracePeriod: 60_000,
    defaultTolerationSeconds: 300,
    nodeEvictionInterval: 10_000,
    backoffInitial: 10_000,
    backoffMax: 300_000,
    backoffReset: 600_000,
    plegRelistPeriod: 1_000,
    terminationGracePeriodSeconds: 30,
    schedulerInitialBackoff: 1_000,
    schedulerMaxBackoff: 10_000,
    schedulerUnschedulableTimeout: 300_000,
    burstReplicas: 500,
    expectationsTimeout: 300_000,
    proxyMinSyncPeriod: 1_000,
    proxySyncPeriod: 30_000,
    probePeriod: 10_000,
    probeFailureThreshold: 3,
    probeSuccessThreshold: 1,
    etcdHeartbeat: 100,
    etcdElectionTimeout: 1_000,
    etcdRequestTimeout: 7_000,
    compactionInterval: 300_000,
    eventTtl: 3_600_000,
    networkHop: 2,
    apiProcessing: 1,
    etcdCommit: 2,
    watchLatency: 5,
    clientTimeout: 10_000,
    sandboxCreate: 600,
    containerCreate: 150,
    containerStart: 100,
    pullSetup: 400,
    pullBytesPerSecond: 50 * 1024 * 1024,
    containerStop: 300,
  };
}
