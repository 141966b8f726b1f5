/** `metadata.ownerReferences[]`: who created this object (a ReplicaSet owns its pods). */
export type OwnerReference = {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
};

/** `metadata` of every object. Timestamps are RFC 3339 strings, as in the real API. */
export type ObjectMeta = {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
};

/** Metadata as a client sends it: the server fills uid, resourceVersion and timestamps. */
export type ObjectMetaInput = Partial<ObjectMeta> & ({ name: string } | { generateName: string });

/** Any API object. */
export type KObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
};

/** `{ key, operator, value, effect }` on a node: the ship's warning flag. */
export type Taint = {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
};

/** A pod's permit to sail on a flagged ship. */
export type Toleration = {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
};

/** A standard `status.conditions[]` entry. */
export type Condition = {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
};

/** `matchLabels` / `matchExpressions` as in Deployments and ReplicaSets. */
export type LabelSelector = {
  matchLabels?: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
};
