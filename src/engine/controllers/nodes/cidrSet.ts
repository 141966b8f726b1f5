/**
 * kube-controller-manager's --cluster-cidr as kubeadm with Flannel (and kind) set it: every
 * pod IP comes from here, and kube-proxy masquerades traffic from outside it.
 */
export const CLUSTER_CIDR = '10.244.0.0/16';
/** --node-cidr-mask-size for IPv4: each node gets a /24 (256 pod addresses). */
export const NODE_CIDR_MASK_SIZE = 24;

/**
 * The range allocator's set of node CIDRs (pkg/controller/nodeipam/ipam/cidrset): a bitmap of
 * the /24s in 10.244.0.0/16, handed out round-robin from the last allocation, so a freed
 * CIDR is not reused at once.
 */
export class CidrSet {
  private readonly used: boolean[];
  private nextCandidate = 0;
  private readonly base: number;
  private readonly shift: number;

  constructor(clusterCIDR = CLUSTER_CIDR, maskSize = NODE_CIDR_MASK_SIZE) {
    const [address, bits] = clusterCIDR.split('/') as [string, string];
    this.base = ipToNumber(address);
    this.shift = 32 - maskSize;
    this.used = new Array<boolean>(2 ** (maskSize - Number(bits))).fill(false);
  }

  /** The next free CIDR (`10.244.N.0/24`), or undefined when the range is full (CIDRNotAvailable). */
  allocateNext(): string | undefined {
    const max = this.used.length;
    let candidate = this.nextCandidate;
    for (let i = 0; i < max; i += 1) {
      if (!this.used[candidate]) {
        this.used[candidate] = true;
        this.nextCandidate = (candidate + 1) % max;
        return this.cidrAt(candidate);
      }
      candidate = (candidate + 1) % max;
    }
    return undefined;
  }

  /** Marks a CIDR a node already has as taken (a restart re-learns them). */
  occupy(cidr: string): boolean {
    const index = this.indexOf(cidr);
    if (index === undefined) return false;
    this.used[index] = true;
    return true;
  }

  release(cidr: string): void {
    const index = this.indexOf(cidr);
    if (index !== undefined) this.used[index] = false;
  }

  private cidrAt(index: number): string {
    return `${numberToIp(this.base + index * 2 ** this.shift)}/${32 - this.shift}`;
  }

  private indexOf(cidr: string): number | undefined {
    const [address, bits] = cidr.split('/') as [string, string | undefined];
    if (Number(bits) !== 32 - this.shift) return undefined;
    const offset = ipToNumber(address) - this.base;
    const index = offset / 2 ** this.shift;
    return Number.isInteger(index) && index >= 0 && index < this.used.length ? index : undefined;
  }
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function numberToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
