// Kubernetes resource quantities ("250m", "1", "128Mi", "1G") as numbers the scheduler can add up.

const binary: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const decimal: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const pattern =
  /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d+))?$/;

/** Parses a quantity to its value in base units (cores for cpu, bytes for memory), or undefined. */
export function parseQuantity(text: string | number | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  const match = pattern.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  const suffix = match[2] ?? '';
  if (match[3] !== undefined) return value * 10 ** Number(match[3]);
  return value * (binary[suffix] ?? decimal[suffix] ?? 1);
}

/** Whether `text` is a valid quantity (the API server rejects the others). */
export function isQuantity(text: string | number): boolean {
  const value = parseQuantity(text);
  return value !== undefined && value >= 0;
}

/** CPU in millicores: "250m" → 250, "2" → 2000. Missing → 0. */
export function milliCpu(text: string | number | undefined): number {
  const value = parseQuantity(text);
  return value === undefined ? 0 : Math.round(value * 1000);
}

/** Memory in bytes: "128Mi" → 134217728. Missing → 0. */
export function bytes(text: string | number | undefined): number {
  const value = parseQuantity(text);
  return value === undefined ? 0 : Math.round(value);
}

/**
 * Millicores the way kubectl describe prints them.
 *
 * @example
 * formatMilliCpu(250); // '250m'
 * formatMilliCpu(2000); // '2'
 */
export function formatMilliCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/**
 * Bytes the way Kubernetes canonicalises binary quantities.
 *
 * @example
 * formatBytes(134217728); // '128Mi'
 */
export function formatBytes(value: number): string {
  if (value === 0) return '0';
  for (const [suffix, size] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (value % size === 0) return `${value / size}${suffix}`;
  }
  return String(value);
}
