import type { Simplification } from '../../sim/simplification';

/** Where the signal officer (kube-proxy) is simpler than the real one. */
export const simplifications: readonly Simplification[] = [
  {
    id: 'kube-proxy.iptables-clusterip-only',
    component: 'kube-proxy',
    text: 'Only iptables mode, and only ClusterIP rules. There is no nftables mode (GA in v1.33) and no ipvs. There are no NodePort, LoadBalancer or externalIP rules, no ClientIP session affinity and no Local traffic policies.',
  },
  {
    id: 'kube-proxy.no-dns',
    component: 'kube-proxy / CoreDNS',
    text: 'CoreDNS is not modelled. Names (db, db.ns, db.ns.svc, db.ns.svc.cluster.local) resolve from the Services that ship’s kube-proxy knows, as a pod’s search path would. Headless Services do not resolve.',
  },
  {
    id: 'kube-proxy.sync-runner',
    component: 'kube-proxy',
    text: 'Syncs are held back to one per minSyncPeriod (1 s) after a change, and a full rewrite happens every syncPeriod (30 s). Kubernetes’ runner allows a burst of 2 quick syncs and writes partial syncs in between full ones. The rules come out the same.',
  },
  {
    id: 'kube-proxy.no-conntrack',
    component: 'kube-proxy / kernel',
    text: 'Each request is a new connection, and the rules pick its backend. There is no conntrack, so no established connection keeps a backend after the rules change.',
  },
  {
    id: 'kube-proxy.curl',
    component: 'curl (in the pod)',
    text: 'Requests behave as `curl --connect-timeout 3`, and a missing port means the Service’s first port (real curl uses 80). The answer is a whoami-style echo naming the pod. Whether a pod answers at its IP is up to the runtime on its ship.',
  },
  {
    id: 'kube-proxy.abridged-tables',
    component: 'kube-proxy',
    text: 'The iptables-save view shows the chains kube-proxy writes for Services and its jump rules. The KUBE-FIREWALL and KUBE-FORWARD rules, packet counters and the header comment are left out.',
  },
];
