import { describe, expect, it } from 'vitest';
import { appColour, appColourIndex, mix } from './colours';
import { palette } from './theme';

describe('app colours', () => {
  it('gives the apps lessons use distinct colours', () => {
    const apps = [
      'web',
      'db',
      'api',
      'cache',
      'frontend',
      'backend',
      'nginx',
      'worker',
      'redis',
      'postgres',
    ];
    expect(new Set(apps.map((a) => appColourIndex(a, 10))).size).toBe(apps.length);
  });

  it('is stable and never the danger red', () => {
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const p = palette(theme);
      for (const app of ['web', 'x', 'some-long-app-name']) {
        expect(appColour(app, p)).toBe(appColour(app, p));
        expect(appColour(app, p)).not.toBe(p.danger);
      }
    }
  });

  it('mixes colours', () => {
    expect(mix(0x000000, 0xffffff, 0.5)).toBe(0x808080);
    expect(mix(0x102030, 0x405060, 0)).toBe(0x102030);
  });
});
