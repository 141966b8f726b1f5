import type { Condition, KObject, Taint } from './meta';
import type { ResourceList } from './workloads';

export type NodeAddress = { type: 'InternalIP' | 'Hostname' | 'ExternalIP'; address: string };

export type Node = KObject & {
  apiVersion: 'v1';
  kind: 'Node';
  spec: { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string; podCIDRs?: string[] };
  status: {
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: Condition[];
    addresses?: NodeAddress[];
    daemonEndpoints?: { kubeletEndpoint: { Port: number } };
    nodeInfo?: {
      architecture: string;
      containerRuntimeVersion: string;
      kernelVersion: string;
      kubeProxyVersion?: string;
      kubeletVersion: string;
      operatingSystem: string;
      osImage: string;
      machineID?: string;
      bootID?: string;
    };
    images?: { names: string[]; sizeBytes: number }[];
  };
};

export type Lease = KObject & {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  spec: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
  };
};

export type ServicePort = {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number | string;
  nodePort?: number;
};

export type Service = KObject & {
  apiVersion: 'v1';
  kind: 'Service';
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
    selector?: Record<string, string>;
    ports: ServicePort[];
    clusterIP?: string;
    clusterIPs?: string[];
    sessionAffinity?: 'None' | 'ClientIP';
    internalTrafficPolicy?: 'Cluster' | 'Local';
    ipFamilies?: string[];
  };
  status: { loadBalancer?: Record<string, unknown> };
};

export type Endpoint = {
  addresses: string[];
  conditions: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  targetRef?: { kind: 'Pod'; namespace: string; name: string; uid: string };
};

export type EndpointSlice = KObject & {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  addressType: 'IPv4' | 'IPv6' | 'FQDN';
  endpoints: Endpoint[];
  ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }[];
};

export type KEvent = KObject & {
  apiVersion: 'v1';
  kind: 'Event';
  involvedObject: {
    kind: string;
    namespace?: string;
    name: string;
    uid?: string;
    apiVersion?: string;
    fieldPath?: string;
  };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  reportingComponent?: string;
  reportingInstance?: string;
};

export type Namespace = KObject & {
  apiVersion: 'v1';
  kind: 'Namespace';
  spec: { finalizers?: string[] };
  status: { phase: 'Active' | 'Terminating' };
};
