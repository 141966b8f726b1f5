import type { LabelSelector } from './meta';

/** One requirement of a parsed label selector (`kubectl -l`, `spec.selector`). */
export type Requirement = {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
};

/** True when `labels` satisfy every requirement. */
export function matchesRequirements(
  labels: Record<string, string> | undefined,
  requirements: readonly Requirement[],
): boolean {
  for (const requirement of requirements) {
    const value = labels?.[requirement.key];
    switch (requirement.operator) {
      case 'In':
        if (value === undefined || !requirement.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && requirement.values.includes(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
    }
  }
  return true;
}

/** A `LabelSelector` object as requirements. An empty selector matches everything. */
export function selectorRequirements(selector: LabelSelector | undefined): Requirement[] {
  const out: Requirement[] = [];
  for (const [key, value] of Object.entries(selector?.matchLabels ?? {}))
    out.push({ key, operator: 'In', values: [value] });
  for (const expression of selector?.matchExpressions ?? []) {
    out.push({
      key: expression.key,
      operator: expression.operator,
      values: expression.values ?? [],
    });
  }
  return out;
}

/** True when `labels` match a `LabelSelector`. */
export function matchesSelector(
  labels: Record<string, string> | undefined,
  selector: LabelSelector | undefined,
): boolean {
  return matchesRequirements(labels, selectorRequirements(selector));
}

/** True when every `key: value` of a map selector (Service `spec.selector`, nodeSelector) is in `labels`. */
export function matchesMap(
  labels: Record<string, string> | undefined,
  selector: Record<string, string> | undefined,
): boolean {
  for (const [key, value] of Object.entries(selector ?? {}))
    if (labels?.[key] !== value) return false;
  return true;
}

/**
 * Parses a selector string as kubectl does: `app=web`, `app==web`, `tier!=db`, `env in (a,b)`,
 * `env notin (a)`, `gpu`, `!gpu`, joined by commas. Throws with kubectl's style of message.
 */
export function parseSelector(text: string): Requirement[] {
  const out: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  const key = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') {
      if (text.trim() === '') continue;
      throw new Error(`unable to parse requirement: found '', expected: identifier`);
    }
    let match: RegExpExecArray | null;
    if ((match = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(part))) {
      const values = match[3]!
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');
      out.push({ key: match[1]!, operator: match[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((match = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(part))) {
      out.push({
        key: match[1]!,
        operator: match[2] === '!=' ? 'NotIn' : 'In',
        values: [match[3]!],
      });
    } else if ((match = /^!\s*(\S+)$/.exec(part))) {
      out.push({ key: match[1]!, operator: 'DoesNotExist', values: [] });
    } else if (key.test(part)) {
      out.push({ key: part, operator: 'Exists', values: [] });
    } else {
      throw new Error(
        `unable to parse requirement: <nil>: Invalid value: "${part}": name part must consist of alphanumeric characters, '-', '_' or '.'`,
      );
    }
    const last = out[out.length - 1]!;
    if (!key.test(last.key)) {
      throw new Error(
        `unable to parse requirement: <nil>: Invalid value: "${last.key}": name part must consist of alphanumeric characters, '-', '_' or '.'`,
      );
    }
  }
  return out;
}

/** A map as `key=value,key=value` (the SELECTOR and LABELS columns of kubectl). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return '<none>';
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}
