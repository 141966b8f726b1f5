// `kubectl describe` layouts after k8s.io/kubectl/pkg/describe/describe.go: the same sections,
// field names, indentation levels and tabwriter alignment (minwidth 0, padding 2).

import type { Deployment, Pod, ReplicaSet } from '../objects/workloads';
import type { EndpointSlice, Lease, Namespace, Node, Service } from '../objects/cluster';
import { qosClass } from '../api/admission';
import { bytes, formatBytes, formatMilliCpu, milliCpu } from '../objects/quantity';
import { formatLabels, formatLabelSelector, nodeRoles, selectorString } from './printers';
import { rfc1123z, since } from './timefmt';
import {
  Writer,
  annotationsMultiline,
  conditionsWithReason,
  controlledBy,
  describeContainers,
  describeEvents,
  describePodTemplate,
  labelsMultiline,
  taintsMultiline,
  tolerationsMultiline,
  type DescribeContext,
} from './describeParts';

export {
  eventsFor,
  probeText,
  taintText,
  tolerationText,
  type DescribeContext,
} from './describeParts';

/** `kubectl describe pod` */
export function describePod(pod: Pod, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName)
    w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(
    0,
    pod.spec.nodeName
      ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}\n`
      : 'Node:\t<none>\n',
  );
  if (pod.status.startTime) w.write(0, `Start Time:\t${rfc1123z(pod.status.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  const phase = pod.status.phase;
  if (pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, ctx.now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${phase}\n`);
  }
  if (pod.status.reason) w.write(0, `Reason:\t${pod.status.reason}\n`);
  if (pod.status.message) w.write(0, `Message:\t${pod.status.message}\n`);
  w.write(0, `IP:\t${pod.status.podIP ?? ''}\n`);
  const ips = pod.status.podIPs ?? (pod.status.podIP ? [{ ip: pod.status.podIP }] : []);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = controlledBy(pod);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  if (pod.status.nominatedNodeName)
    w.write(0, `NominatedNodeName:\t${pod.status.nominatedNodeName}\n`);
  describeContainers(w, 'Containers', pod.spec.containers, pod.status.containerStatuses, '');
  const conditions = pod.status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  w.write(0, 'Volumes:\t<none>\n');
  w.write(0, `QoS Class:\t${pod.status.qosClass ?? qosClass(pod.spec)}\n`);
  labelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', pod.spec.tolerations);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** `25%` or `1`: an IntOrString. */
const intOrString = (v: number | string | undefined) => (v === undefined ? '' : String(v));

/** `kubectl describe deployment` */
export function describeDeployment(
  d: Deployment,
  ctx: DescribeContext & { oldReplicaSets: ReplicaSet[]; newReplicaSets: ReplicaSet[] },
): string {
  const w = new Writer();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  const s = d.status ?? {};
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = d.spec.strategy ?? {};
  w.write(0, `StrategyType:\t${strategy.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy.rollingUpdate) {
    w.write(
      0,
      `RollingUpdateStrategy:\t${intOrString(strategy.rollingUpdate.maxUnavailable)} max unavailable, ${intOrString(strategy.rollingUpdate.maxSurge)} max surge\n`,
    );
  }
  describePodTemplate(w, d.spec.template);
  conditionsWithReason(w, s.conditions);
  if (ctx.oldReplicaSets.length > 0 || ctx.newReplicaSets.length > 0) {
    w.write(0, `OldReplicaSets:\t${replicaSetsText(ctx.oldReplicaSets)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsText(ctx.newReplicaSets)}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

function replicaSetsText(list: readonly ReplicaSet[]): string {
  const text = list
    .map(
      (rs) =>
        `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(', ');
  return text || '<none>';
}

/** `kubectl describe replicaset` */
export function describeReplicaSet(
  rs: ReplicaSet,
  ctx: DescribeContext & { running: number; waiting: number; succeeded: number; failed: number },
): string {
  const w = new Writer();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controlledBy(rs);
  if (owner) w.write(0, `Controlled By:\t${owner}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, 'Pods Status:\t');
  w.write(
    0,
    `${ctx.running} Running / ${ctx.waiting} Waiting / ${ctx.succeeded} Succeeded / ${ctx.failed} Failed\n`,
  );
  describePodTemplate(w, rs.spec.template);
  conditionsWithReason(w, rs.status?.conditions);
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** `formatEndpointSlices`: ready endpoints as ip:port, three at most. */
function endpointsText(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of slice.endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        if (list.length < 3) list.push(e.addresses[0]!);
        count += 1;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        if (list.length < 3) list.push(`${e.addresses[0]}:${port.port}`);
        count += 1;
      }
    }
  }
  const text = list.join(',');
  return count > 3 ? `${text} + ${count - 3} more...` : text;
}

/** `kubectl describe service` */
export function describeService(
  svc: Service,
  ctx: DescribeContext & { endpointSlices: EndpointSlice[] },
): string {
  const w = new Writer();
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', svc.metadata.labels);
  annotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(svc.spec.selector)}\n`);
  w.write(0, `Type:\t${svc.spec.type ?? 'ClusterIP'}\n`);
  const families = svc.spec.ipFamilies ?? [];
  w.write(0, `IP Families:\t${families.length ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${svc.spec.clusterIP ?? ''}\n`);
  const ips = svc.spec.clusterIPs ?? [];
  w.write(0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`);
  for (const port of svc.spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${port.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${port.targetPort ?? port.port}/${protocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${endpointsText(ctx.endpointSlices, port.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${svc.spec.sessionAffinity ?? 'None'}\n`);
  if (svc.spec.internalTrafficPolicy) {
    w.write(0, `Internal Traffic Policy:\t${svc.spec.internalTrafficPolicy}\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** Requests of a pod: the sum over its containers (there are no init containers here). */
function podRequests(pod: Pod): { cpuReq: number; cpuLim: number; memReq: number; memLim: number } {
  let cpuReq = 0;
  let cpuLim = 0;
  let memReq = 0;
  let memLim = 0;
  for (const c of pod.spec.containers) {
    cpuReq += milliCpu(c.resources?.requests?.cpu);
    cpuLim += milliCpu(c.resources?.limits?.cpu);
    memReq += bytes(c.resources?.requests?.memory);
    memLim += bytes(c.resources?.limits?.memory);
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 0 : Math.trunc((part / whole) * 100);

/** `kubectl describe node` */
export function describeNode(
  node: Node,
  ctx: DescribeContext & { lease?: Lease; pods: Pod[] },
): string {
  const w = new Writer();
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ? 'true' : 'false'}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${ctx.lease?.spec.holderIdentity ?? '<unset>'}\n`);
  w.write(
    1,
    `AcquireTime:\t${ctx.lease?.spec.acquireTime ? rfc1123z(ctx.lease.spec.acquireTime) : '<unset>'}\n`,
  );
  w.write(
    1,
    `RenewTime:\t${ctx.lease?.spec.renewTime ? rfc1123z(ctx.lease.spec.renewTime) : '<unset>'}\n`,
  );
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(
      0,
      'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
    );
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {})
      .filter((n) => list![n] !== undefined)
      .sort();
    if (names.length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const n of names) w.write(0, `  ${n}:\t${list![n]}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
  const allocCpu = milliCpu(alloc.cpu);
  const allocMem = bytes(alloc.memory);
  w.write(0, `Non-terminated Pods:\t(${ctx.pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  let total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
  for (const pod of ctx.pods) {
    const r = podRequests(pod);
    total = {
      cpuReq: total.cpuReq + r.cpuReq,
      cpuLim: total.cpuLim + r.cpuLim,
      memReq: total.memReq + r.memReq,
      memLim: total.memLim + r.memLim,
    };
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatMilliCpu(r.cpuReq)} (${percent(r.cpuReq, allocCpu)}%)\t${formatMilliCpu(r.cpuLim)} (${percent(r.cpuLim, allocCpu)}%)\t${formatBytes(r.memReq)} (${percent(r.memReq, allocMem)}%)\t${formatBytes(r.memLim)} (${percent(r.memLim, allocMem)}%)\t${since(pod.metadata.creationTimestamp, ctx.now)}\n`,
    );
  }
  w.write(
    0,
    'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
  );
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(
    1,
    `cpu\t${formatMilliCpu(total.cpuReq)} (${percent(total.cpuReq, allocCpu)}%)\t${formatMilliCpu(total.cpuLim)} (${percent(total.cpuLim, allocCpu)}%)\n`,
  );
  w.write(
    1,
    `memory\t${formatBytes(total.memReq)} (${percent(total.memReq, allocMem)}%)\t${formatBytes(total.memLim)} (${percent(total.memLim, allocMem)}%)\n`,
  );
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  // Pods here request no huge pages; kubectl lists each size the node offers.
  for (const name of Object.keys(alloc)
    .filter((n) => n.startsWith('hugepages-'))
    .sort()) {
    w.write(1, `${name}\t0 (0%)\t0 (0%)\n`);
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}

/** `kubectl describe namespace` */
export function describeNamespace(ns: Namespace): string {
  const w = new Writer();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  return w.toString();
}

/** `kubectl describe endpointslice` */
export function describeEndpointSlice(eps: EndpointSlice, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', eps.metadata.labels);
  annotationsMultiline(w, 'Annotations', eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if ((eps.ports ?? []).length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports)
      w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`);
  }
  if ((eps.endpoints ?? []).length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(
        3,
        `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`,
      );
      w.write(2, 'Hostname:\t<unset>\n');
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, 'Zone:\t<unset>\n');
    }
  }
  describeEvents(w, ctx.events, ctx.now);
  return w.toString();
}
