import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

/**
 * The layers of DESIGN.md section 2, each depending only on the ones to its left:
 * engine ◄ scenarios ◄ store ◄ render, ui ◄ app. A layer may not import a layer to its right.
 */
const layers = ['engine', 'scenarios', 'store', 'render', 'ui', 'app'];
const forbidden = {
  engine: ['scenarios', 'store', 'render', 'ui', 'app'],
  scenarios: ['store', 'render', 'ui', 'app'],
  store: ['render', 'ui', 'app'],
  render: ['ui', 'app'],
  ui: ['render', 'app'],
  app: [],
};
const packagesForbidden = {
  engine: [
    'react',
    'react-dom',
    'react-dom/*',
    'pixi.js',
    'pixi.js/*',
    '@pixi/*',
    'zustand',
    'zustand/*',
  ],
  scenarios: [
    'react',
    'react-dom',
    'react-dom/*',
    'pixi.js',
    'pixi.js/*',
    '@pixi/*',
    'zustand',
    'zustand/*',
  ],
  store: ['pixi.js', 'pixi.js/*', '@pixi/*'],
  render: ['react', 'react-dom', 'react-dom/*'],
  ui: ['pixi.js', 'pixi.js/*', '@pixi/*'],
  app: [],
};

/** @param {string} layer */
function layerRules(layer) {
  const patterns = forbidden[layer].map((other) => ({
    group: [`**/${other}`, `**/${other}/**`],
    message: `The ${layer} layer may not import from ${other}: layers depend only on those to their left (engine ◄ scenarios ◄ store ◄ render, ui ◄ app).`,
  }));
  const paths = packagesForbidden[layer].map((name) => ({
    group: [name],
    message: `The ${layer} layer may not import ${name} (see DESIGN.md section 2).`,
  }));
  return {
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...patterns, ...paths] }],
    },
  };
}

const ambientTime = {
  files: ['src/engine/**/*.ts'],
  rules: {
    'no-restricted-globals': [
      'error',
      ...[
        'window',
        'document',
        'navigator',
        'localStorage',
        'performance',
        'requestAnimationFrame',
      ].map((name) => ({ name, message: 'The engine runs without a DOM: no browser globals.' })),
      ...[
        'setTimeout',
        'setInterval',
        'clearTimeout',
        'clearInterval',
        'setImmediate',
        'queueMicrotask',
      ].map((name) => ({
        name,
        message:
          'No host timers in the engine: schedule on the simulation agenda (simulated time).',
      })),
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'Math',
        property: 'random',
        message: 'Use the seeded PRNG in the simulation state.',
      },
      { object: 'Date', property: 'now', message: 'Use the simulated clock (sim.now()).' },
      { object: 'performance', property: 'now', message: 'Use the simulated clock (sim.now()).' },
      { object: 'globalThis', property: 'setTimeout', message: 'No host timers in the engine.' },
      { object: 'globalThis', property: 'setInterval', message: 'No host timers in the engine.' },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date']",
        message: 'No wall-clock dates in the engine: time is simulated milliseconds.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/results'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...layers.map(layerRules),
  ambientTime,
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bench/**/*.{ts,mjs}', 'e2e/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off' },
  },
  prettier,
);
