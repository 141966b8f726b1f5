import { RunningHash } from './hash';
import { Ring } from './ring';

/** Who sent or received something: `apiserver`, `etcd-0`, `scheduler`, `kcm/replicaset`, `kubelet/ship-1`, … */
export type ComponentId = string;

/** A signal between two components, with the times the canvas needs to draw it in flight. */
export type Message = {
  readonly id: number;
  readonly from: ComponentId;
  readonly to: ComponentId;
  /** `create pods`, `watch pods`, `bind`, `txn`, `renew lease`, … */
  readonly kind: string;
  readonly key?: string;
  readonly sent: number;
  readonly arrives: number;
  /** For responses: whether the request succeeded. */
  readonly ok?: boolean;
};

/** A crane lifting a container from the dock onto a ship. */
export type Move = {
  readonly pod: string;
  readonly uid: string;
  readonly from: 'dock' | string;
  readonly to: string;
  readonly start: number;
  readonly end: number;
};

/** A packet from a container on one ship to a Service's backend on another, via the signal officers. */
export type Traffic = {
  readonly id: number;
  readonly fromShip: string;
  readonly toShip: string;
  readonly fromPod: string;
  readonly toPod: string;
  readonly service: string;
  readonly sent: number;
  readonly arrives: number;
};

export type OfficeName = 'operations' | 'cargo' | 'services';

export type OfficeActivity = {
  readonly name: OfficeName;
  readonly busyUntil: number;
  readonly lastAction?: string;
  readonly lastActionAt?: number;
};

/** One entry of the engine's event log: what happened, by whom, in words a narrator can use. */
export type SimEvent = {
  readonly seq: number;
  readonly t: number;
  readonly source: ComponentId;
  readonly type: string;
  readonly text: string;
  /** The object or entity it is about: `pod/default/web-…`, `node/ship-1`, a key. */
  readonly subject?: string;
};

/** A ledger write, so the canvas can flash the key. */
export type LedgerWrite = {
  readonly key: string;
  readonly revision: number;
  readonly at: number;
  readonly type: 'PUT' | 'DELETE';
};

/** Event types worth stopping for when skipping a wait: Kubernetes Events, faults, ledger role changes. */
const NOTABLE = /^(k8s\.|fault\.|etcd\.(leader|stopped))/;

/** How much the trace keeps. `detail: false` keeps counters and the hash only (headless runs). */
export type TraceOptions = { detail: boolean; logCapacity?: number; messageCapacity?: number };

/**
 * Everything the simulation reports for people rather than for its own logic: the event log
 * (with a running hash for determinism checks), messages and crane moves in flight, traffic,
 * office activity and ledger writes. Bounded: old entries fall off.
 */
export class Trace {
  readonly detail: boolean;
  private readonly log: Ring<SimEvent>;
  private readonly messageRing: Ring<Message>;
  private readonly moveRing = new Ring<Move>(2048);
  private readonly trafficRing = new Ring<Traffic>(1024);
  private readonly writeRing = new Ring<LedgerWrite>(256);
  private readonly officeState = new Map<OfficeName, OfficeActivity>();
  private readonly hash = new RunningHash();
  private seq = 0;
  /** While above zero, nothing is recorded: reads for the inspectors leave no trace. */
  private muted = 0;
  private notableCount = 0;
  private messageSeq = 0;
  private trafficSeq = 0;
  private version = 0;

  constructor(options: TraceOptions) {
    this.detail = options.detail;
    this.log = new Ring(options.logCapacity ?? 20_000);
    this.messageRing = new Ring(options.messageCapacity ?? 8_192);
    for (const name of ['operations', 'cargo', 'services'] as const)
      this.officeState.set(name, { name, busyUntil: 0 });
  }

  /** Records an event in the log (and folds it into the run's hash). */
  event(t: number, source: ComponentId, type: string, text: string, subject?: string): void {
    if (this.muted) return;
    this.seq += 1;
    this.version += 1;
    if (NOTABLE.test(type)) this.notableCount += 1;
    if (!this.detail) return;
    const event: SimEvent =
      subject === undefined
        ? { seq: this.seq, t, source, type, text }
        : { seq: this.seq, t, source, type, text, subject };
    this.hash.add(`${t}|${source}|${type}|${text}|${subject ?? ''}\n`);
    this.log.push(event);
  }

  /** Records a message between components. */
  message(
    from: ComponentId,
    to: ComponentId,
    kind: string,
    sent: number,
    arrives: number,
    key?: string,
    ok?: boolean,
  ): void {
    if (this.muted) return;
    this.messageSeq += 1;
    if (!this.detail) return;
    const message: Message = {
      id: this.messageSeq,
      from,
      to,
      kind,
      sent,
      arrives,
      ...(key === undefined ? {} : { key }),
      ...(ok === undefined ? {} : { ok }),
    };
    this.messageRing.push(message);
  }

  move(move: Move): void {
    if (this.muted) return;
    this.version += 1;
    if (this.detail) this.moveRing.push(move);
  }

  traffic(traffic: Omit<Traffic, 'id'>): void {
    if (this.muted) return;
    this.trafficSeq += 1;
    if (this.detail) this.trafficRing.push({ ...traffic, id: this.trafficSeq });
  }

  ledgerWrite(write: LedgerWrite): void {
    if (this.muted) return;
    if (this.detail) this.writeRing.push(write);
  }

  /** Marks an office busy until `until`, with what it did. */
  office(name: OfficeName, at: number, until: number, action: string): void {
    if (this.muted) return;
    const previous = this.officeState.get(name);
    this.officeState.set(name, {
      name,
      busyUntil: Math.max(until, previous?.busyUntil ?? 0),
      lastAction: action,
      lastActionAt: at,
    });
  }

  events(): SimEvent[] {
    return this.log.toArray();
  }

  /** Events a learner would notice (Kubernetes Events, faults, ledger leader changes) so far. */
  notable(): number {
    return this.notableCount;
  }

  /** Events recorded since the start (including those the bounded log dropped). */
  eventCount(): number {
    return this.seq;
  }

  messageCount(): number {
    return this.messageSeq;
  }

  /** The hash of every event so far: equal hashes mean equal logs. */
  logHash(): string {
    return this.hash.hex();
  }

  /** Changes whenever something visible changes; lets readers skip rebuilding a snapshot. */
  changeVersion(): number {
    return this.version;
  }

  /** Runs `fn` with recording switched off (the inspectors' reads). */
  quietly<T>(fn: () => T): T {
    this.muted += 1;
    try {
      return fn();
    } finally {
      this.muted -= 1;
    }
  }

  touch(): void {
    this.version += 1;
  }

  messagesAround(now: number, linger: number): Message[] {
    return this.messageRing
      .newestWhile((m) => m.sent >= now - linger - 60_000)
      .filter((m) => m.sent <= now && m.arrives >= now - linger)
      .reverse();
  }

  movesAround(now: number, linger: number): Move[] {
    return this.moveRing
      .newestWhile((m) => m.start >= now - linger - 60_000)
      .filter((m) => m.start <= now && m.end >= now - linger)
      .reverse();
  }

  trafficAround(now: number, linger: number): Traffic[] {
    return this.trafficRing
      .newestWhile((m) => m.sent >= now - linger - 60_000)
      .filter((m) => m.sent <= now && m.arrives >= now - linger)
      .reverse();
  }

  recentWrites(now: number, window: number): LedgerWrite[] {
    return this.writeRing
      .newestWhile((w) => w.at >= now - window)
      .filter((w) => w.at <= now)
      .reverse();
  }

  offices(): OfficeActivity[] {
    return [...this.officeState.values()];
  }
}
