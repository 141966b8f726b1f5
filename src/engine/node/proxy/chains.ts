import { base32, sha256 } from './sha256';

// Chain names as pkg/proxy/iptables/proxier.go computes them: the first 16 characters of the
// base32 of sha256(servicePortName + protocol [+ endpoint]). A name is stable for as long as the
// service port (or endpoint) exists, so rules can be diffed and the canvas can key on it.

const memo = new Map<string, string>();

function portProtoHash(text: string): string {
  let hash = memo.get(text);
  if (hash === undefined) {
    hash = base32(sha256(text)).slice(0, 16);
    if (memo.size > 50_000) memo.clear();
    memo.set(text, hash);
  }
  return hash;
}

/**
 * `ServicePortName.String()` (pkg/proxy/types.go): `namespace/name`, plus `:port` when the
 * service port has a name.
 */
export function servicePortName(namespace: string, name: string, port: string | undefined): string {
  return `${namespace}/${name}${port ? `:${port}` : ''}`;
}

/** `servicePortChainName`: `KUBE-SVC-` + hash of the service port name and lowercase protocol. */
export function serviceChain(svcPortName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(svcPortName + protocol)}`;
}

/** `servicePortEndpointChainName`: `KUBE-SEP-` + hash of port name, protocol and `ip:port`. */
export function endpointChain(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${portProtoHash(svcPortName + protocol + endpoint)}`;
}
