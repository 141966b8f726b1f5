/**
 * Which hosts can reach the bridge. The control ship always can; a cargo ship cannot while its
 * radio is cut (a network partition) or after it sank.
 */
export class Network {
  private readonly cut = new Set<string>();
  private readonly sunk = new Set<string>();
  private readonly listeners: ((host: string, up: boolean) => void)[] = [];

  /** The address clients dial for the API server. */
  readonly apiserverAddress = '172.18.0.2:6443';

  linkUp(host: string): boolean {
    return !this.cut.has(host) && !this.sunk.has(host);
  }

  radioCut(host: string): boolean {
    return this.cut.has(host);
  }

  isSunk(host: string): boolean {
    return this.sunk.has(host);
  }

  cutRadio(host: string): void {
    if (this.cut.has(host)) return;
    this.cut.add(host);
    this.notify(host, false);
  }

  restoreRadio(host: string): void {
    if (!this.cut.delete(host)) return;
    if (!this.sunk.has(host)) this.notify(host, true);
  }

  sink(host: string): void {
    if (this.sunk.has(host)) return;
    this.sunk.add(host);
    this.notify(host, false);
  }

  /** Called when a host's link goes down or comes back. */
  onChange(listener: (host: string, up: boolean) => void): void {
    this.listeners.push(listener);
  }

  private notify(host: string, up: boolean): void {
    for (const listener of this.listeners) listener(host, up);
  }
}
