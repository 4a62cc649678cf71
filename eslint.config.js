import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import {
  LIT_SPECIFIER,
  WITHOUT_LIT,
  elementFolders,
  forbiddenFor,
  layerRules,
  reaching,
} from './scripts/lib/layers.js';

/** An `import()` whose specifier matches `regex` (a string): an esquery selector. */
const importCall = (regex) =>
  `ImportExpression[source.value=/${regex.replace(/(?<!\\)\//g, '\\/')}/]`;

/**
 * Imports only go down (docs/architecture.md): each folder of src/ may import only the layers
 * below it, and src/format and src/feed never Lit. `import()` is checked by its own selector.
 */
const layers = [...layerRules()].map(([folder, allowed]) => {
  const names = forbiddenFor(folder, allowed);
  const message = `src/${folder}/ may import only ${allowed.map((name) => `src/${name}/`).join(', ') || 'itself'} of src/ (docs/architecture.md)`;
  const patterns = [
    { regex: reaching(names), message },
    { regex: '^ect-widgets(?:/|$)', message },
  ];
  const imports = [{ selector: importCall(reaching(names)), message }];
  if (WITHOUT_LIT.includes(folder)) {
    const lit = `src/${folder}/ never imports Lit: ect-widgets/feed bundles without it`;
    patterns.push({ regex: LIT_SPECIFIER.source, message: lit });
    imports.push({ selector: importCall(LIT_SPECIFIER.source), message: lit });
  }
  return {
    folder,
    imports,
    config: {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', { patterns }],
        'no-restricted-syntax': ['error', ...imports],
      },
    },
  };
});

/**
 * A lazily loaded view renders from its host and calls the host's methods: the element owns its
 * state. In a view module `host` is the host, and so is `this` in its event handlers.
 */
const HOST = [
  "MemberExpression[object.name='host']",
  "MemberExpression[object.type='ThisExpression']",
];
const HOST_WRITES = HOST.flatMap((field) => [
  `AssignmentExpression > ${field}.left`,
  `AssignmentExpression > MemberExpression.left > ${field}.object`,
  `UpdateExpression > ${field}.argument`,
  `UnaryExpression[operator='delete'] > ${field}.argument`,
]).map((selector) => ({
  selector,
  message:
    'A view never writes a field of its host: it calls a method of the element (docs/architecture.md)',
}));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      'demo-dist/',
      'node_modules/',
      'src/generated/',
      'bench/node_modules/',
      'coverage/',
    ],
  },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    plugins: { 'lit-a11y': litA11y },
    rules: litA11y.configs.recommended.rules,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: [
      'scripts/**',
      'test/server/**',
      '*.config.js',
      '.storybook/**',
      'demo/server/**',
      'bench/**',
    ],
    rules: { 'no-console': 'off' },
  },
  ...layers.map(({ config }) => config),
  ...elementFolders().map((name) => ({
    files: [`src/${name}/*.view.ts`],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...layers.find(({ folder }) => folder === name).imports,
        ...HOST_WRITES,
      ],
    },
  })),
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
