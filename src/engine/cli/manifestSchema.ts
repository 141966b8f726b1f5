// The fields kube-apiserver's strict field validation (kubectl's default --validate=strict since
// v1.27) knows, for the parts of a manifest a learner types. A typo such as `replica:` is
// rejected with `strict decoding error: unknown field "spec.replica"` instead of being ignored.
// Subtrees not listed here (affinity, securityContext, volumes…) are accepted as written.

type Schema = { [field: string]: Schema | true };

const labelSelector: Schema = {
  matchLabels: true,
  matchExpressions: true,
};

const metadata: Schema = {
  name: true,
  namespace: true,
  generateName: true,
  labels: true,
  annotations: true,
  uid: true,
  resourceVersion: true,
  generation: true,
  creationTimestamp: true,
  deletionTimestamp: true,
  deletionGracePeriodSeconds: true,
  ownerReferences: true,
  finalizers: true,
  managedFields: true,
  selfLink: true,
};

const probe: Schema = {
  httpGet: { path: true, port: true, host: true, scheme: true, httpHeaders: true },
  tcpSocket: { port: true, host: true },
  exec: { command: true },
  grpc: true,
  initialDelaySeconds: true,
  periodSeconds: true,
  timeoutSeconds: true,
  successThreshold: true,
  failureThreshold: true,
  terminationGracePeriodSeconds: true,
};

const container: Schema = {
  name: true,
  image: true,
  imagePullPolicy: true,
  command: true,
  args: true,
  workingDir: true,
  env: { name: true, value: true, valueFrom: true },
  envFrom: true,
  ports: { name: true, containerPort: true, hostPort: true, hostIP: true, protocol: true },
  resources: { requests: true, limits: true, claims: true },
  resizePolicy: true,
  restartPolicy: true,
  readinessProbe: probe,
  livenessProbe: probe,
  startupProbe: probe,
  lifecycle: true,
  volumeMounts: true,
  volumeDevices: true,
  securityContext: true,
  terminationMessagePath: true,
  terminationMessagePolicy: true,
  stdin: true,
  stdinOnce: true,
  tty: true,
};

const podSpec: Schema = {
  containers: container,
  initContainers: container,
  ephemeralContainers: true,
  volumes: true,
  nodeName: true,
  nodeSelector: true,
  affinity: true,
  tolerations: { key: true, operator: true, value: true, effect: true, tolerationSeconds: true },
  restartPolicy: true,
  terminationGracePeriodSeconds: true,
  activeDeadlineSeconds: true,
  dnsPolicy: true,
  dnsConfig: true,
  schedulerName: true,
  priority: true,
  priorityClassName: true,
  preemptionPolicy: true,
  enableServiceLinks: true,
  serviceAccountName: true,
  serviceAccount: true,
  automountServiceAccountToken: true,
  securityContext: true,
  imagePullSecrets: true,
  hostname: true,
  subdomain: true,
  hostNetwork: true,
  hostPID: true,
  hostIPC: true,
  hostUsers: true,
  hostAliases: true,
  shareProcessNamespace: true,
  topologySpreadConstraints: true,
  readinessGates: true,
  runtimeClassName: true,
  overhead: true,
  os: true,
  schedulingGates: true,
  resourceClaims: true,
  resources: true,
  setHostnameAsFQDN: true,
};

const template: Schema = { metadata, spec: podSpec };

const workloadSpec: Schema = {
  replicas: true,
  selector: labelSelector,
  template,
  minReadySeconds: true,
};

/** Known fields per kind (top level included). */
export const SCHEMAS: Record<string, Schema> = {
  Deployment: {
    apiVersion: true,
    kind: true,
    metadata,
    spec: {
      ...workloadSpec,
      strategy: { type: true, rollingUpdate: { maxSurge: true, maxUnavailable: true } },
      revisionHistoryLimit: true,
      progressDeadlineSeconds: true,
      paused: true,
    },
    status: true,
  },
  ReplicaSet: { apiVersion: true, kind: true, metadata, spec: workloadSpec, status: true },
  Pod: { apiVersion: true, kind: true, metadata, spec: podSpec, status: true },
  Service: {
    apiVersion: true,
    kind: true,
    metadata,
    spec: {
      type: true,
      selector: true,
      ports: {
        name: true,
        protocol: true,
        appProtocol: true,
        port: true,
        targetPort: true,
        nodePort: true,
      },
      clusterIP: true,
      clusterIPs: true,
      externalIPs: true,
      externalName: true,
      externalTrafficPolicy: true,
      internalTrafficPolicy: true,
      ipFamilies: true,
      ipFamilyPolicy: true,
      sessionAffinity: true,
      sessionAffinityConfig: true,
      loadBalancerIP: true,
      loadBalancerSourceRanges: true,
      loadBalancerClass: true,
      allocateLoadBalancerNodePorts: true,
      healthCheckNodePort: true,
      publishNotReadyAddresses: true,
      trafficDistribution: true,
    },
    status: true,
  },
  Namespace: { apiVersion: true, kind: true, metadata, spec: true, status: true },
};

/** The unknown fields of `obj`, as `spec.template.spec.containers[0].imagePolicy` paths. */
export function unknownFields(kind: string, obj: unknown): string[] {
  const schema = SCHEMAS[kind];
  if (!schema) return [];
  const out: string[] = [];
  const walk = (value: unknown, s: Schema, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, s, `${path}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const sub = s[key];
      const childPath = path ? `${path}.${key}` : key;
      if (sub === undefined) out.push(childPath);
      else if (sub !== true) walk(child, sub, childPath);
    }
  };
  walk(obj, schema, '');
  return out;
}
