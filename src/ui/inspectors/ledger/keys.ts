import type { EtcdKv } from './etcdJson';

/** Keys under one `/registry/<resource>/` folder, or the keys outside the registry. */
export type KeyGroup = {
  /** `pods`, `minions`, `services`…, or `other` for keys written with etcdctl. */
  readonly name: string;
  /** The folder the keys share: `/registry/pods/`, or '' for other keys. */
  readonly prefix: string;
  readonly keys: readonly EtcdKv[];
};

/** What each registry folder holds, in the harbor's words (nodes are `minions` for history). */
export const FOLDER_NOTES: Readonly<Record<string, string>> = {
  pods: 'containers (Pods)',
  minions: 'ships (Nodes): the folder keeps the old name “minions”',
  leases: 'captains’ check-ins (Leases)',
  deployments: 'Deployments',
  replicasets: 'ReplicaSets: the Cargo office’s orders',
  services: 'call signs (Services)',
  endpointslices: 'who answers each call sign (EndpointSlices)',
  events: 'Kubernetes Events',
  namespaces: 'Namespaces',
};

/**
 * Groups keys by `/registry/<resource>/` (kube-apiserver's layout), folders in alphabetical
 * order with keys written by hand (`etcdctl put foo bar`) last, each folder's keys sorted as
 * etcd sorts them (by bytes).
 */
export function groupKeys(kvs: readonly EtcdKv[]): KeyGroup[] {
  const groups = new Map<string, EtcdKv[]>();
  const other: EtcdKv[] = [];
  for (const kv of kvs) {
    const match = /^\/registry\/([^/]+)\//.exec(kv.key);
    if (!match) {
      other.push(kv);
      continue;
    }
    const list = groups.get(match[1]!);
    if (list) list.push(kv);
    else groups.set(match[1]!, [kv]);
  }
  const byKey = (a: EtcdKv, b: EtcdKv) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const result: KeyGroup[] = [...groups.keys()]
    .sort()
    .map((name) => ({ name, prefix: `/registry/${name}/`, keys: groups.get(name)!.sort(byKey) }));
  if (other.length > 0) result.push({ name: 'other', prefix: '', keys: other.sort(byKey) });
  return result;
}
