import { createActor, type Actor } from 'xstate';
import type { Node } from '../../objects/cluster';
import type { KObject } from '../../objects/meta';
import type { ApiClient } from '../../api/client';
import type { EventRecorder } from '../../api/recorder';
import { Informer } from '../../api/informer';
import type { World } from '../../sim/world';
import { CidrSet } from './cidrSet';
import { nodeIpamMachine } from './nodeIpam.machine';

const ID = 'kcm/node-ipam';
/** `cidrUpdateRetries` in range_allocator.go. */
const CIDR_UPDATE_RETRIES = 3;

/**
 * Node IPAM (the range allocator): gives every ship a pod CIDR, `10.244.N.0/24` out of
 * 10.244.0.0/16, by patching spec.podCIDR and spec.podCIDRs, and takes it back when the Node
 * is deleted. The kubelet and the network plugin give pods addresses from it.
 *
 * @example
 * new NodeIpamController(world).start(); // ship-1 gets 10.244.1.0/24 after the control ship's 10.244.0.0/24
 */
export class NodeIpamController {
  private readonly client: ApiClient;
  private readonly recorder: EventRecorder;
  private readonly nodes: Informer<Node>;
  private readonly actor: Actor<typeof nodeIpamMachine>;
  private cidrs: CidrSet;
  /** Nodes whose patch is in flight (nodesInProcessing). */
  private readonly inProcessing = new Set<string>();

  constructor(private readonly world: World) {
    this.cidrs = new CidrSet(world.clusterCIDR);
    this.client = world.client(ID, 'control-plane');
    this.recorder = world.recorder(this.client, 'cidrAllocator');
    this.nodes = new Informer<Node>(
      world,
      this.client,
      'nodes',
      {},
      {
        add: (node) => this.running() && this.allocateOrOccupy(node),
        update: (_old, node) => {
          if (this.running() && !(node.spec.podCIDRs?.length || node.spec.podCIDR))
            this.allocateOrOccupy(node);
        },
        delete: (node) => this.running() && this.release(node),
        synced: () => this.actor.send({ type: 'CACHES_SYNCED' }),
      },
    );
    this.actor = createActor(nodeIpamMachine, {
      clock: world.clock,
      input: { ops: { allocateAll: () => this.allocateAll() } },
    });
    this.actor.start();
  }

  start(): void {
    this.actor.send({ type: 'START' });
    this.nodes.start();
  }

  stop(): void {
    this.nodes.stop();
    this.actor.send({ type: 'STOP' });
  }

  private running(): boolean {
    return this.actor.getSnapshot().matches('allocating');
  }

  private allocateAll(): void {
    this.cidrs = new CidrSet(this.world.clusterCIDR);
    this.inProcessing.clear();
    const nodes = [...this.nodes.list()];
    for (const node of nodes) for (const cidr of cidrsOf(node)) this.cidrs.occupy(cidr);
    for (const node of nodes) if (cidrsOf(node).length === 0) this.allocateOrOccupy(node);
  }

  /** AllocateOrOccupyCIDR. */
  private allocateOrOccupy(node: Node): void {
    const name = node.metadata.name;
    const existing = cidrsOf(node);
    if (existing.length > 0) {
      for (const cidr of existing) this.cidrs.occupy(cidr);
      return;
    }
    if (this.inProcessing.has(name)) return;
    const cidr = this.cidrs.allocateNext();
    if (!cidr) {
      this.recorder.record(
        nodeRef(node),
        'Normal',
        'CIDRNotAvailable',
        `Node ${name} status is now: CIDRNotAvailable`,
      );
      return;
    }
    this.inProcessing.add(name);
    const now = this.world.now();
    const t = this.world.timings;
    this.world.trace.office(
      'operations',
      now,
      now + 2 * t.networkHop + t.apiProcessing + t.etcdCommit,
      `gave ${name} pod CIDR ${cidr}`,
    );
    this.patch(node, cidr, CIDR_UPDATE_RETRIES);
  }

  /** PatchNodeCIDRs, retried; a node that got a CIDR some other way keeps it and ours goes back. */
  private patch(node: Node, cidr: string, left: number): void {
    const name = node.metadata.name;
    this.client.patch<Node>(
      'nodes',
      undefined,
      name,
      (current) =>
        cidrsOf(current).length > 0
          ? current
          : { ...current, spec: { ...current.spec, podCIDR: cidr, podCIDRs: [cidr] } },
      (result) => {
        if (result.ok) {
          this.inProcessing.delete(name);
          const got = cidrsOf(result.object);
          if (!got.includes(cidr)) this.cidrs.release(cidr);
          else
            this.world.trace.event(
              this.world.now(),
              ID,
              'node-ipam.allocated',
              `${name} was given pod CIDR ${cidr}`,
              `node/${name}`,
            );
          return;
        }
        if (left > 1) return this.patch(node, cidr, left - 1);
        this.inProcessing.delete(name);
        this.recorder.record(
          nodeRef(node),
          'Normal',
          'CIDRAssignmentFailed',
          `Node ${name} status is now: CIDRAssignmentFailed`,
        );
        // Not after a timeout: the patch may have landed (range_allocator.go leaks rather than double-assigns).
        if (result.error.reason !== 'Timeout') this.cidrs.release(cidr);
      },
    );
  }

  /** ReleaseCIDR: a deleted node's range goes back to the pool. */
  private release(node: Node): void {
    for (const cidr of cidrsOf(node)) {
      this.cidrs.release(cidr);
      this.world.trace.event(
        this.world.now(),
        ID,
        'node-ipam.released',
        `pod CIDR ${cidr} of ${node.metadata.name} is free again`,
        `node/${node.metadata.name}`,
      );
    }
  }
}

function cidrsOf(node: Node): string[] {
  return node.spec.podCIDRs?.length
    ? node.spec.podCIDRs
    : node.spec.podCIDR
      ? [node.spec.podCIDR]
      : [];
}

function nodeRef(node: Node): KObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { ...node.metadata } };
}
