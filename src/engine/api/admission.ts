import type { KObject, Toleration } from '../objects/meta';
import type { Container, Deployment, Pod, PodSpec, Probe, ReplicaSet } from '../objects/workloads';
import type { Namespace, Node, Service } from '../objects/cluster';
import type { ResourceName } from '../objects/resources';
import { parseQuantity } from '../objects/quantity';

// Defaulting (pkg/apis/*/v1/defaults.go) and the mutating admission plugins that change objects
// on create: DefaultTolerationSeconds, TaintNodesByCondition, ServiceAccount, Priority.

/** Settings the admission chain needs. */
export type AdmissionSettings = {
  defaultTolerationSeconds: number;
  terminationGracePeriodSeconds: number;
  allocateClusterIP: () => string | undefined;
};

/** `Always` for `:latest` or untagged images, else `IfNotPresent` (core/v1 defaults). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const withoutDigest = image.split('@')[0]!;
  const lastSlash = withoutDigest.lastIndexOf('/');
  const tagAt = withoutDigest.indexOf(':', lastSlash + 1);
  if (image.includes('@')) return 'IfNotPresent';
  if (tagAt < 0) return 'Always';
  return withoutDigest.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: Probe | undefined): Probe | undefined {
  if (!probe) return undefined;
  return {
    initialDelaySeconds: 0,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
    ...probe,
  };
}

function defaultContainer(c: Container): Container {
  return {
    ...c,
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(c.image ?? ''),
    ...(c.ports ? { ports: c.ports.map((p) => ({ protocol: 'TCP' as const, ...p })) } : {}),
    ...(c.readinessProbe ? { readinessProbe: defaultProbe(c.readinessProbe)! } : {}),
    ...(c.livenessProbe ? { livenessProbe: defaultProbe(c.livenessProbe)! } : {}),
    ...(c.startupProbe ? { startupProbe: defaultProbe(c.startupProbe)! } : {}),
    // A limit without a request means request = limit.
    ...(c.resources?.limits && !c.resources.requests
      ? { resources: { ...c.resources, requests: { ...c.resources.limits } } }
      : {}),
  };
}

/** Pod spec defaults (also applied to templates). */
export function defaultPodSpec(spec: PodSpec, settings: AdmissionSettings): PodSpec {
  return {
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: settings.terminationGracePeriodSeconds,
    dnsPolicy: 'ClusterFirst',
    schedulerName: 'default-scheduler',
    enableServiceLinks: true,
    ...spec,
    containers: (spec.containers ?? []).map(defaultContainer),
  };
}

/** QoS class from requests and limits (pkg/apis/core/v1/helper/qos). */
export function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  let any = false;
  let guaranteed = true;
  for (const c of spec.containers) {
    const { requests = {}, limits = {} } = c.resources ?? {};
    if (Object.keys(requests).length || Object.keys(limits).length) any = true;
    for (const name of ['cpu', 'memory'] as const) {
      const limit = parseQuantity(limits[name]);
      const request = parseQuantity(requests[name] ?? limits[name]);
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** DefaultTolerationSeconds: tolerate not-ready and unreachable NoExecute taints for 300 s. */
function addDefaultTolerations(
  tolerations: Toleration[] | undefined,
  seconds: number,
): Toleration[] {
  const out = [...(tolerations ?? [])];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = out.some(
      (t) =>
        (t.key === key || (!t.key && t.operator === 'Exists')) &&
        (!t.effect || t.effect === 'NoExecute'),
    );
    if (!has)
      out.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  return out;
}

/** Runs defaulting and the mutating admission plugins on a new object. */
export function admitCreate(
  resource: ResourceName,
  obj: KObject,
  settings: AdmissionSettings,
): KObject {
  switch (resource) {
    case 'pods': {
      const pod = obj as Pod;
      const spec = defaultPodSpec(pod.spec, settings);
      spec.tolerations = addDefaultTolerations(spec.tolerations, settings.defaultTolerationSeconds);
      spec.serviceAccountName = spec.serviceAccountName ?? 'default';
      spec.priority = spec.priority ?? 0;
      const status = pod.status?.phase ? pod.status : { phase: 'Pending' as const };
      return { ...pod, spec, status: { ...status, qosClass: qosClass(spec) } } as Pod;
    }
    case 'deployments': {
      const d = obj as Deployment;
      return {
        ...d,
        spec: {
          replicas: 1,
          revisionHistoryLimit: 10,
          progressDeadlineSeconds: 600,
          strategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
          },
          ...d.spec,
          template: {
            ...d.spec.template,
            spec: defaultPodSpec(d.spec.template?.spec ?? { containers: [] }, settings),
          },
        },
        status: d.status ?? {},
      } as Deployment;
    }
    case 'replicasets': {
      const rs = obj as ReplicaSet;
      return {
        ...rs,
        spec: {
          replicas: 1,
          ...rs.spec,
          template: {
            ...rs.spec.template,
            spec: defaultPodSpec(rs.spec.template?.spec ?? { containers: [] }, settings),
          },
        },
        status: rs.status ?? { replicas: 0 },
      } as ReplicaSet;
    }
    case 'services': {
      const svc = obj as Service;
      const spec = {
        type: 'ClusterIP' as const,
        sessionAffinity: 'None' as const,
        internalTrafficPolicy: 'Cluster' as const,
        ipFamilies: ['IPv4'],
        ...svc.spec,
      };
      spec.ports = (spec.ports ?? []).map((p) => ({
        protocol: 'TCP' as const,
        ...p,
        targetPort: p.targetPort ?? p.port,
      }));
      if (!spec.clusterIP && spec.type !== 'ExternalName') {
        const ip = settings.allocateClusterIP();
        if (ip) {
          spec.clusterIP = ip;
          spec.clusterIPs = [ip];
        }
      } else if (spec.clusterIP && !spec.clusterIPs) spec.clusterIPs = [spec.clusterIP];
      return { ...svc, spec, status: svc.status ?? { loadBalancer: {} } } as Service;
    }
    case 'nodes': {
      const node = obj as Node;
      // TaintNodesByCondition: a new node is not-ready until its kubelet says otherwise.
      const taints = [...(node.spec?.taints ?? [])];
      if (
        !taints.some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule')
      ) {
        taints.push({ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' });
      }
      return { ...node, spec: { ...node.spec, taints }, status: node.status ?? {} } as Node;
    }
    case 'namespaces': {
      const ns = obj as Namespace;
      return {
        ...ns,
        spec: ns.spec ?? { finalizers: ['kubernetes'] },
        status: { phase: 'Active' },
      } as Namespace;
    }
    default:
      return obj;
  }
}

/** Defaulting on update (templates may change; their defaults apply again). */
export function admitUpdate(
  resource: ResourceName,
  obj: KObject,
  settings: AdmissionSettings,
): KObject {
  if (resource === 'deployments' || resource === 'replicasets') {
    const w = obj as Deployment;
    return {
      ...w,
      spec: {
        ...w.spec,
        template: { ...w.spec.template, spec: defaultPodSpec(w.spec.template.spec, settings) },
      },
    } as KObject;
  }
  return obj;
}
