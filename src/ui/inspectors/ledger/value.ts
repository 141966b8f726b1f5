/** A value ready to read: pretty JSON when it is JSON, the raw text otherwise. */
export type ShownValue = {
  readonly text: string;
  readonly json: boolean;
  readonly parsed?: unknown;
};

/** Pretty-prints a stored value (Kubernetes objects are JSON here; real clusters store protobuf). */
export function showValue(raw: string): ShownValue {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      return { text: JSON.stringify(parsed, null, 2), json: true, parsed };
    } catch {
      // not JSON after all: show it as it is
    }
  }
  return { text: raw, json: false };
}

/** One difference between two versions of a value, at a JSON path like `status.phase`. */
export type Change = {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: string;
  readonly after?: string;
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function brief(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? 'undefined');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function join(path: string, key: string, array: boolean): string {
  if (array) return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * What changed from one version of a value to the next, leaf by leaf: `status.phase: "Pending" →
 * "Running"`. Fields the API server bumps on every write (resourceVersion, managedFields) are
 * left out, and at most `limit` changes are listed.
 */
export function diffValues(before: unknown, after: unknown, limit = 40): Change[] {
  const out: Change[] = [];
  const skip = new Set(['metadata.resourceVersion', 'metadata.managedFields']);
  const walk = (a: unknown, b: unknown, path: string) => {
    if (out.length >= limit || skip.has(path)) return;
    if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
      const array = Array.isArray(a);
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) {
        const p = join(path, key, array);
        if (!(key in b)) {
          if (!skip.has(p) && out.length < limit)
            out.push({ path: p, kind: 'removed', before: brief(a[key]) });
        } else if (!(key in a)) {
          if (!skip.has(p) && out.length < limit)
            out.push({ path: p, kind: 'added', after: brief(b[key]) });
        } else walk(a[key], b[key], p);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ path: path || '(value)', kind: 'changed', before: brief(a), after: brief(b) });
    }
  };
  walk(before, after, '');
  return out;
}
