/** A callback the agenda runs at a simulated time. */
export type AgendaTask = () => void;

/** Handle of a scheduled task, used to cancel it. */
export type AgendaId = number;

/**
 * The simulation's only source of time: a min-heap of (time, sequence) → task.
 * Tasks at the same millisecond run in the order they were scheduled, so a run is reproducible.
 *
 * @example
 * const agenda = new Agenda();
 * agenda.after(10, () => console.log('ten ms later'));
 * agenda.advance(10); // runs the task, now() === 10
 */
export class Agenda {
  private times: number[] = [];
  private seqs: number[] = [];
  private tasks: AgendaTask[] = [];
  private cancelled = new Set<AgendaId>();
  private nextSeq = 1;
  private clock = 0;
  private executed = 0;

  /** The current simulated time in integer milliseconds. */
  now(): number {
    return this.clock;
  }

  /** How many tasks have run so far (for benchmarks). */
  taskCount(): number {
    return this.executed;
  }

  /** Pending tasks, cancelled ones included until they surface. */
  size(): number {
    return this.times.length;
  }

  /** Schedules `task` at absolute time `at` (never earlier than now). */
  at(at: number, task: AgendaTask): AgendaId {
    const time = Math.max(this.clock, Math.round(at));
    const seq = this.nextSeq++;
    this.push(time, seq, task);
    return seq;
  }

  /** Schedules `task` `delay` ms from now. */
  after(delay: number, task: AgendaTask): AgendaId {
    return this.at(this.clock + delay, task);
  }

  /** Cancels a scheduled task; cancelling one that already ran is harmless. */
  cancel(id: AgendaId): void {
    this.cancelled.add(id);
  }

  /** The time of the next task that will run, or undefined when the agenda is empty. */
  peekTime(): number | undefined {
    this.dropCancelledHead();
    return this.times[0];
  }

  /** Runs every task due up to `until` (inclusive), then sets the clock to `until`. */
  runUntil(until: number): void {
    for (;;) {
      this.dropCancelledHead();
      const head = this.times[0];
      if (head === undefined || head > until) break;
      const task = this.pop();
      this.clock = head;
      this.executed += 1;
      task();
    }
    if (until > this.clock) this.clock = until;
  }

  /** Advances the clock by `ms`, running what falls due. */
  advance(ms: number): void {
    this.runUntil(this.clock + Math.max(0, Math.round(ms)));
  }

  private dropCancelledHead(): void {
    while (this.seqs.length > 0 && this.cancelled.has(this.seqs[0]!)) {
      this.cancelled.delete(this.seqs[0]!);
      this.pop();
    }
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.seqs[a]! < this.seqs[b]!);
  }

  private swap(a: number, b: number): void {
    const t = this.times[a]!;
    this.times[a] = this.times[b]!;
    this.times[b] = t;
    const s = this.seqs[a]!;
    this.seqs[a] = this.seqs[b]!;
    this.seqs[b] = s;
    const k = this.tasks[a]!;
    this.tasks[a] = this.tasks[b]!;
    this.tasks[b] = k;
  }

  private push(time: number, seq: number, task: AgendaTask): void {
    this.times.push(time);
    this.seqs.push(seq);
    this.tasks.push(task);
    let i = this.times.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private pop(): AgendaTask {
    const top = this.tasks[0]!;
    const last = this.times.length - 1;
    if (last > 0) this.swap(0, last);
    this.times.pop();
    this.seqs.pop();
    this.tasks.pop();
    const n = this.times.length;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < n && this.less(left, smallest)) smallest = left;
      if (right < n && this.less(right, smallest)) smallest = right;
      if (smallest === i) break;
      this.swap(i, smallest);
      i = smallest;
    }
    return top;
  }
}
