import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer arrows and the engine's purity are enforced by lint; these cases prove each rule fires.
const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const violations: [string, string, string][] = [
  [
    'src/engine/x.ts',
    "import { Application } from 'pixi.js';\nexport const a = Application;\n",
    'no-restricted-imports',
  ],
  [
    'src/engine/x.ts',
    "import { useState } from 'react';\nexport const a = useState;\n",
    'no-restricted-imports',
  ],
  [
    'src/engine/x.ts',
    "import { create } from 'zustand';\nexport const a = create;\n",
    'no-restricted-imports',
  ],
  [
    'src/engine/x.ts',
    "import { Overlay } from '../ui';\nexport const a = Overlay;\n",
    'no-restricted-imports',
  ],
  ['src/engine/x.ts', 'export const a = Math.random();\n', 'no-restricted-properties'],
  ['src/engine/x.ts', 'export const a = Date.now();\n', 'no-restricted-properties'],
  ['src/engine/x.ts', 'export const a = performance.now();\n', 'no-restricted-properties'],
  ['src/engine/x.ts', 'setTimeout(() => 1, 5);\n', 'no-restricted-globals'],
  ['src/engine/x.ts', 'export const a = setInterval(() => 1, 5);\n', 'no-restricted-globals'],
  ['src/engine/x.ts', 'export const a = document.title;\n', 'no-restricted-globals'],
  ['src/engine/x.ts', 'export const a = new Date();\n', 'no-restricted-syntax'],
  [
    'src/scenarios/x.ts',
    "import { a } from '../store';\nexport const b = a;\n",
    'no-restricted-imports',
  ],
  [
    'src/store/x.ts',
    "import { a } from '../render';\nexport const b = a;\n",
    'no-restricted-imports',
  ],
  ['src/store/x.ts', "import { a } from '../ui';\nexport const b = a;\n", 'no-restricted-imports'],
  ['src/render/x.ts', "import { a } from '../ui';\nexport const b = a;\n", 'no-restricted-imports'],
  ['src/ui/x.ts', "import { a } from '../render';\nexport const b = a;\n", 'no-restricted-imports'],
  [
    'src/ui/x.ts',
    "import { Graphics } from 'pixi.js';\nexport const a = Graphics;\n",
    'no-restricted-imports',
  ],
  [
    'src/ui/x.ts',
    "import { App } from '../app/App';\nexport const a = App;\n",
    'no-restricted-imports',
  ],
  [
    'src/render/x.ts',
    "import { App } from '../app/App';\nexport const a = App;\n",
    'no-restricted-imports',
  ],
];

describe('layer boundaries (lint)', () => {
  it.each(violations)('%s: %s is reported by %s', async (file, code, rule) => {
    expect(await ruleIdsFor(file, code)).toContain(rule);
  });

  it('allows the arrows DESIGN.md draws', async () => {
    expect(
      await ruleIdsFor('src/ui/x.ts', "import { a } from '../store';\nexport const b = a;\n"),
    ).toEqual([]);
    expect(
      await ruleIdsFor('src/render/x.ts', "import { a } from '../engine';\nexport const b = a;\n"),
    ).toEqual([]);
    expect(
      await ruleIdsFor('src/app/x.ts', "import { a } from '../render';\nexport const b = a;\n"),
    ).toEqual([]);
  });
});
