import { createActor, type Actor } from 'xstate';
import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import type { KObject } from '../../objects/meta';
import type { Lease, Node } from '../../objects/cluster';
import type { ShipSpec } from '../../sim/types';
import type { World } from '../../sim/world';
import { rfc3339 } from '../../time/format';
import type { ContainerRuntime } from '../runtime';
import { kubeletMachine } from './kubelet.machine';
import {
  NODE_CONDITIONS,
  initialNode,
  internalIP,
  nodeConditions,
  nodeLabels,
  nodeStatusOf,
  statusSignature,
  type MachineIdentity,
  type Readiness,
} from './nodeStatus';
import { kubeletSettings } from './settings';

/** RFC 3339 with microseconds, as `metav1.MicroTime` marshals a Lease's renewTime. */
export function microTime(simMs: number): string {
  const whole = Math.floor(simMs / 1000) * 1000;
  return `${rfc3339(whole).slice(0, -1)}.${String(simMs - whole).padStart(3, '0')}000Z`;
}

/** What the node agent tells the rest of the kubelet. */
export type NodeAgentHooks = {
  /** The pod network became ready (the Node got its pod CIDR): pods waiting for it may go on. */
  networkReady(): void;
};

/**
 * The captain's dealings with the bridge about the ship itself (kubelet_node_status.go and the
 * nodelease controller): registering the Node, the Lease check-in, and node status, driven by
 * `kubeletMachine`. It reads its own Node through an informer (fields.name) to learn the pod
 * CIDR that the node IPAM controller assigns.
 */
export class NodeAgent {
  private readonly actor: Actor<typeof kubeletMachine>;
  private readonly nodes: Informer<Node>;
  private readonly labels: Record<string, string>;
  private readonly identity: MachineIdentity;
  readonly address: string;
  private lease: Lease | undefined;
  private leaseInflight = false;
  private leaseBackoff: number = kubeletSettings.leaseInitialBackoff;
  private leaseFailures = 0;
  private registeredAt = 0;
  private urgentStatus = false;
  private statusPending = false;
  private imagesSeen = 0;
  private nodeUid: string | undefined;
  private lastRenew = -1;
  private podCIDR: string | undefined;
  private conditions: Node['status']['conditions'];
  private posted: string | undefined;
  private lastPost = -Infinity;
  private mustPost = false;
  private wasReady = false;
  private stopped = false;

  constructor(
    private readonly world: World,
    private readonly spec: ShipSpec,
    private readonly runtime: ContainerRuntime,
    private readonly client: ApiClient,
    private readonly recorder: EventRecorder,
    private readonly hooks: NodeAgentHooks,
  ) {
    this.labels = nodeLabels(spec);
    this.address = internalIP(world, spec.name, spec.role ?? 'cargo');
    this.identity = { machineID: this.hex(32), bootID: this.uuid() };
    this.actor = createActor(kubeletMachine, {
      clock: world.clock,
      input: {
        host: {
          register: () => this.register(),
          renewLease: () => this.renewLease(),
          leaseBackoff: () => this.leaseBackoff,
          syncNodeStatus: () => this.syncNodeStatus(),
          statusDelay: () => this.statusDelay(),
          reportRegistered: () => this.onRegistered(),
          reportStopped: () => undefined,
        },
        renewInterval: world.timings.leaseRenewInterval,
        reportInterval: world.timings.nodeStatusReportFrequency,
        registerInitial: kubeletSettings.registerInitialDelay,
        registerMax: kubeletSettings.registerMaxDelay,
      },
    });
    this.nodes = new Informer<Node>(
      world,
      client,
      'nodes',
      { fields: { name: spec.name } },
      {
        add: (node) => this.onNode(node),
        update: (_old, node) => this.onNode(node),
      },
    );
  }

  private get ship(): string {
    return this.spec.name;
  }

  private get id(): string {
    return this.client.id;
  }

  /** Starts registering (the first try 100 ms from now). */
  start(): void {
    this.actor.start();
    this.actor.send({ type: 'START' });
  }

  /** Silent forever. */
  stop(): void {
    this.stopped = true;
    this.actor.send({ type: 'STOP' });
    this.actor.stop();
    this.nodes.stop();
  }

  /** Simulated time of the last successful Lease renewal (its renewTime), or -1. */
  lastLeaseRenewal(): number {
    return this.lastRenew;
  }

  /** The machine's state value (`registering`, `{ running: … }`, `stopped`). */
  machineState(): unknown {
    return this.actor.getSnapshot().value;
  }

  /** A pull finished: if the image cache grew, node status lists it on the next tick. */
  imagesMaybeChanged(): void {
    if (this.runtime.imageGeneration() === this.imagesSeen) return;
    this.imagesSeen = this.runtime.imageGeneration();
    this.nodeChanged(false);
  }

  private register(): void {
    const node = initialNode(this.spec, this.runtime.flavour.socket, this.nodeStatus());
    this.client.create<Node>('nodes', node, (result) => {
      if (this.stopped) return;
      if (result.ok) {
        this.registered(result.object);
        return;
      }
      if (result.error.reason !== 'AlreadyExists') {
        this.actor.send({ type: 'REGISTER_FAILED' });
        return;
      }
      // The Node exists (a re-joining ship): reconcile the kubelet's labels, keep the rest.
      this.client.patch<Node>(
        'nodes',
        undefined,
        this.ship,
        (current) => ({
          ...current,
          metadata: { ...current.metadata, labels: { ...current.metadata.labels, ...this.labels } },
        }),
        (patched) => {
          if (this.stopped) return;
          if (!patched.ok) {
            this.actor.send({ type: 'REGISTER_FAILED' });
            return;
          }
          this.registered(patched.object);
          this.mustPost = true;
        },
      );
    });
  }

  private registered(node: Node): void {
    this.nodeUid = node.metadata.uid;
    this.registeredAt = this.world.now();
    this.conditions = node.status.conditions;
    this.posted = statusSignature(node.status);
    this.lastPost = this.world.now();
    this.actor.send({ type: 'REGISTERED' });
  }

  private onRegistered(): void {
    this.nodes.start();
    const node = this.ship;
    for (const reason of [
      'NodeHasSufficientMemory',
      'NodeHasNoDiskPressure',
      'NodeHasSufficientPID',
    ])
      this.nodeEvent('Normal', reason, `Node ${node} status is now: ${reason}`);
    this.nodeEvent(
      'Normal',
      'NodeAllocatableEnforced',
      'Updated Node Allocatable limit across pods',
    );
    if (this.world.trace.detail)
      this.world.trace.event(
        this.world.now(),
        this.id,
        'kubelet.registered',
        `the captain of ${node} registered the ship with the bridge (node/${node})`,
        `node/${node}`,
      );
  }

  /**
   * One Lease check-in (nodelease controller): update the Lease we last wrote (optimistic, no
   * GET); when we have none or it changed under us, get it, or create it.
   */
  private renewLease(): void {
    if (this.leaseInflight || this.stopped) return;
    this.leaseInflight = true;
    const now = this.world.now();
    const renewTime = microTime(now);
    const done = (lease: Lease) => {
      this.leaseInflight = false;
      this.leaseFailures = 0;
      this.leaseBackoff = kubeletSettings.leaseInitialBackoff;
      this.lease = lease;
      this.lastRenew = now;
      if (this.world.trace.detail)
        this.world.trace.event(
          this.world.now(),
          this.id,
          'kubelet.lease-renewed',
          `${this.ship}'s captain checked in (Lease renewed, renewTime ${renewTime})`,
          `lease/kube-node-lease/${this.ship}`,
        );
    };
    const failed = () => {
      this.leaseInflight = false;
      if (this.stopped) return;
      // backoffEnsureLease: 200 ms, doubling to 7 s, until a renewal succeeds.
      this.leaseBackoff =
        this.leaseFailures === 0
          ? kubeletSettings.leaseInitialBackoff
          : Math.min(this.leaseBackoff * 2, kubeletSettings.leaseMaxBackoff);
      this.leaseFailures += 1;
      this.actor.send({ type: 'LEASE_FAILED' });
    };
    const update = (base: Lease) =>
      this.client.update<Lease>(
        'leases',
        { ...base, spec: { ...base.spec, holderIdentity: this.ship, renewTime } },
        (result) => {
          if (this.stopped) return;
          if (result.ok) done(result.object);
          else {
            if (result.error.reason === 'Conflict' || result.error.reason === 'NotFound')
              this.lease = undefined;
            failed();
          }
        },
      );
    if (this.lease) {
      update(this.lease);
      return;
    }
    this.client.get<Lease>('leases', 'kube-node-lease', this.ship, (got) => {
      if (this.stopped) return;
      if (got.ok) {
        update(got.object);
        return;
      }
      if (got.error.reason !== 'NotFound') {
        failed();
        return;
      }
      const nodeUid = this.nodeUid;
      const lease: Lease = {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: this.ship,
          namespace: 'kube-node-lease',
          ...(nodeUid
            ? {
                ownerReferences: [
                  { apiVersion: 'v1', kind: 'Node', name: this.ship, uid: nodeUid },
                ],
              }
            : {}),
        } as Lease['metadata'],
        spec: {
          holderIdentity: this.ship,
          leaseDurationSeconds: this.world.timings.nodeLeaseDurationSeconds,
          renewTime,
        },
      };
      this.client.create<Lease>('leases', lease, (created) => {
        if (this.stopped) return;
        if (created.ok) done(created.object);
        else failed();
      });
    });
  }

  /** Node status is looked at on the 10 s ticks (nodeStatusUpdateFrequency), readiness at once. */
  private statusDelay(): number {
    if (this.urgentStatus) {
      this.urgentStatus = false;
      return 0;
    }
    const period = this.world.timings.nodeStatusUpdateFrequency;
    const since = this.world.now() - this.registeredAt;
    return (Math.floor(since / period) + 1) * period - since;
  }

  /** Something in node status may have changed: look at it on the next tick (or now). */
  nodeChanged(urgent: boolean): void {
    if (this.statusPending && !urgent) return;
    this.statusPending = true;
    if (urgent) this.urgentStatus = true;
    this.actor.send({ type: 'NODE_CHANGED' });
  }

  private readiness(): Readiness {
    const status = this.runtime.status();
    if (!status.runtimeReady) return { ready: false, message: 'container runtime is down' };
    if (!status.networkReady) return { ready: false, message: status.networkMessage ?? '' };
    return { ready: true, message: '' };
  }

  private nodeStatus(): Node['status'] {
    const readiness = this.readiness();
    const conditions = nodeConditions(readiness, this.conditions, this.world.now());
    return nodeStatusOf(
      this.spec,
      this.address,
      this.identity,
      this.runtime.version(),
      this.runtime.imageList(),
      conditions,
    );
  }

  /** Node status: computed every 10 s; posted on change or every nodeStatusReportFrequency. */
  private syncNodeStatus(): void {
    this.statusPending = false;
    if (this.stopped) return;
    const now = this.world.now();
    const status = this.nodeStatus();
    const signature = statusSignature(status);
    const ready = status.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
    // Upstream compares with the Node as the API has it (nodeStatusHasChanged(originalNode.Status, …)),
    // so a Ready=Unknown written by the node controller during an outage is corrected on the next tick.
    const apiNode = this.nodes.get(this.ship);
    const apiSignature = apiNode ? statusSignature(apiNode.status) : undefined;
    if (
      signature === this.posted &&
      signature === apiSignature &&
      !this.mustPost &&
      now - this.lastPost < this.world.timings.nodeStatusReportFrequency
    )
      return;
    this.mustPost = false;
    this.lastPost = now;
    this.posted = signature;
    this.conditions = status.conditions;
    if (ready !== this.wasReady) {
      this.wasReady = ready;
      const reason = ready ? 'NodeReady' : 'NodeNotReady';
      this.nodeEvent('Normal', reason, `Node ${this.ship} status is now: ${reason}`);
      if (this.world.trace.detail)
        this.world.trace.event(
          now,
          this.id,
          ready ? 'kubelet.node-ready' : 'kubelet.node-not-ready',
          ready
            ? `${this.ship} is ready: its deck crew and network are up`
            : `${this.ship} is not ready: ${status.conditions?.find((c) => c.type === 'Ready')?.message}`,
          `node/${this.ship}`,
        );
    }
    this.client.patch<Node>(
      'nodes',
      undefined,
      this.ship,
      (current) => ({
        ...current,
        status: {
          ...current.status,
          ...status,
          conditions: [
            ...(status.conditions ?? []),
            ...(current.status.conditions ?? []).filter((c) => !NODE_CONDITIONS.includes(c.type)),
          ],
        },
      }),
      (result) => {
        if (result.ok || this.stopped) return;
        this.mustPost = true;
        this.nodeChanged(false);
      },
      'status',
    );
  }

  private onNode(node: Node): void {
    // Someone else changed our status (the node controller marked us Unknown): re-post on the next tick.
    if (this.posted !== undefined && !this.stopped && statusSignature(node.status) !== this.posted)
      this.nodeChanged(false);
    const cidr = node.spec.podCIDR;
    if (!cidr || cidr === this.podCIDR || this.stopped) return;
    this.podCIDR = cidr;
    // CRI UpdateRuntimeConfig: the network plugin learns the range; NetworkReady follows.
    this.runtime.updateRuntimeConfig(cidr);
    // fastStatusUpdateOnce: readiness is reported as soon as it changes.
    this.nodeChanged(true);
    this.hooks.networkReady();
  }

  nodeEvent(type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (!this.world.trace.detail) return;
    // The kubelet's node reference uses the node name as its UID (kubelet.go nodeRef).
    const ref = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: this.ship, uid: this.ship, resourceVersion: '', creationTimestamp: '' },
    } as KObject;
    this.recorder.record(ref, type, reason, message);
  }

  private hex(n: number): string {
    let out = '';
    while (out.length < n) out += this.world.rng.nextUint32().toString(16).padStart(8, '0');
    return out.slice(0, n);
  }

  private uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
