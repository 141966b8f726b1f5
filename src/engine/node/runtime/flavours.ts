import type { RuntimeName } from '../../sim/types';
import type { ImageRef } from './images';

/**
 * What differs between the three deck crews behind the one CRI interface: their version string
 * (Node `status.nodeInfo.containerRuntimeVersion`), the container ID scheme, their socket, how
 * they name images in container statuses, and their own words when a pull or the network fails.
 */
export type RuntimeFlavour = {
  readonly name: RuntimeName;
  /** `containerd://2.1.4`: what `kubectl get nodes -o wide` shows as CONTAINER-RUNTIME. */
  readonly version: string;
  /** The prefix of container IDs in pod status (`containerd://<64 hex>`). */
  readonly scheme: string;
  /** kubeadm's `kubeadm.alpha.kubernetes.io/cri-socket` annotation. */
  readonly socket: string;
  /** `status.containerStatuses[].image` as this runtime reports it. */
  statusImage(ref: ImageRef): string;
  /** `status.containerStatuses[].imageID` as this runtime reports it. */
  statusImageID(ref: ImageRef, digest: string): string;
  /** The gRPC error PullImage returns when the tag does not exist in the repository. */
  tagNotFound(ref: ImageRef): string;
  /** The gRPC error PullImage returns when the repository does not exist (or is private). */
  repositoryNotFound(ref: ImageRef): string;
  /** The runtime's NetworkReady=false message before the CNI has a configuration. */
  readonly networkNotReady: string;
};

// Versions current when the simulated clock starts (January 2026) and known to run kubelet
// v1.34: containerd 2.1.4 (kind v0.30 node images), CRI-O 1.34.1, Docker Engine 28.2.2 behind
// cri-dockerd. Keep them here so the whole simulation agrees.
const containerd: RuntimeFlavour = {
  name: 'containerd',
  version: 'containerd://2.1.4',
  scheme: 'containerd',
  socket: 'unix:///run/containerd/containerd.sock',
  statusImage: (ref) => ref.full,
  statusImageID: (ref, digest) => `${ref.repository}@sha256:${digest}`,
  // containerd internal/cri/server/images/image_pull.go wraps the resolver's error.
  tagNotFound: (ref) =>
    `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found`,
  repositoryNotFound: (ref) =>
    `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
  networkNotReady:
    'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized',
};

const crio: RuntimeFlavour = {
  name: 'cri-o',
  version: 'cri-o://1.34.1',
  scheme: 'cri-o',
  socket: 'unix:///var/run/crio/crio.sock',
  statusImage: (ref) => ref.full,
  statusImageID: (ref, digest) => `${ref.repository}@sha256:${digest}`,
  // CRI-O pulls through containers/image, whose docker transport reports the manifest lookup.
  tagNotFound: (ref) =>
    `rpc error: code = Unknown desc = initializing source docker://${ref.full}: reading manifest ${ref.tag} in ${ref.repository}: manifest unknown`,
  repositoryNotFound: (ref) =>
    `rpc error: code = Unknown desc = initializing source docker://${ref.full}: reading manifest ${ref.tag} in ${ref.repository}: requested access to the resource is denied`,
  networkNotReady:
    'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: No CNI configuration file in /etc/cni/net.d/. Has your network provider started?',
};

const docker: RuntimeFlavour = {
  name: 'docker',
  version: 'docker://28.2.2',
  scheme: 'docker',
  socket: 'unix:///var/run/cri-dockerd.sock',
  // cri-dockerd reports the name as the pod spec wrote it and a docker-pullable:// image ID.
  statusImage: (ref) => ref.familiar,
  statusImageID: (ref, digest) => `docker-pullable://${ref.familiarRepository}@sha256:${digest}`,
  tagNotFound: (ref) =>
    `rpc error: code = Unknown desc = Error response from daemon: manifest for ${ref.familiar} not found: manifest unknown: manifest unknown`,
  repositoryNotFound: (ref) =>
    `rpc error: code = Unknown desc = Error response from daemon: pull access denied for ${ref.familiarRepository}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
  networkNotReady:
    'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:docker: network plugin is not ready: cni config uninitialized',
};

/** The flavour of a runtime name. */
export function flavourOf(name: RuntimeName): RuntimeFlavour {
  switch (name) {
    case 'cri-o':
      return crio;
    case 'docker':
      return docker;
    default:
      return containerd;
  }
}
