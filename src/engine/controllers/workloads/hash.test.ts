import { describe, expect, it } from 'vitest';
import type { PodTemplateSpec } from '../../objects/workloads';
import {
  POD_TEMPLATE_HASH,
  canonical,
  computeHash,
  equalIgnoreHash,
  fnv32a,
  safeEncodeString,
} from './hash';

const template = (
  image: string,
  labels: Record<string, string> = { app: 'web' },
): PodTemplateSpec => ({
  metadata: { labels },
  spec: { containers: [{ name: 'web', image }] },
});

describe('pod-template-hash (controller.ComputeHash)', () => {
  it('encodes decimal digits with rand.SafeEncodeString (0→4 … 5→9, 6→b … 9→f)', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('3806574917')).toBe('7d4b9c8f5c');
  });

  it('is FNV-1a 32 over UTF-8 bytes', () => {
    // Reference values of FNV-1a 32.
    expect(fnv32a('')).toBe(0x811c9dc5);
    expect(fnv32a('a')).toBe(0xe40c292c);
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('looks like a real hash, is stable, and changes with the template or collisionCount', () => {
    const a = computeHash(template('nginx:1.27'));
    expect(a).toMatch(/^[4-9bcdf]{6,10}$/);
    expect(computeHash(template('nginx:1.27'))).toBe(a);
    expect(computeHash(template('nginx:1.28'))).not.toBe(a);
    expect(computeHash(template('nginx:1.27'), 1)).not.toBe(a);
    expect(computeHash(template('nginx:1.27'), 1)).toBe(computeHash(template('nginx:1.27'), 1));
  });

  it('renders canonically: key order, undefined and empty values do not matter', () => {
    expect(canonical({ b: 1, a: [1, { d: undefined, c: 'x' }], e: {}, f: [] })).toBe(
      '{"a":[1,{"c":"x"}],"b":1}',
    );
  });

  it('compares templates ignoring the pod-template-hash label (EqualIgnoreHash)', () => {
    const d = template('nginx:1.27');
    const rs = template('nginx:1.27', { app: 'web', [POD_TEMPLATE_HASH]: computeHash(d) });
    expect(equalIgnoreHash(d, rs)).toBe(true);
    expect(equalIgnoreHash(template('nginx:1.28'), rs)).toBe(false);
  });
});
