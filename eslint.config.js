// ESLint flat config: type-aware rules (no-floating-promises matters in a pipeline) and the
// one-direction dependency rule between layers (see README "Architecture").
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layers and what each may not import. core ← stages ← pipeline ← serve | cli; core ← store. */
const forbidden = {
  core: ['ingest', 'nlp', 'kb', 'resolve', 'extract', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  ingest: ['nlp', 'kb', 'resolve', 'extract', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  kb: ['ingest', 'resolve', 'extract', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  nlp: ['ingest', 'resolve', 'extract', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  resolve: ['ingest', 'extract', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  extract: ['ingest', 'grade', 'pipeline', 'store', 'serve', 'cli'],
  grade: ['ingest', 'pipeline', 'store', 'serve', 'cli'],
  store: ['ingest', 'nlp', 'kb', 'resolve', 'extract', 'pipeline', 'serve', 'cli'],
  pipeline: ['serve', 'cli'],
  serve: ['cli'],
};

const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((b) => ({
          group: [`**/${b}/*`, `**/${b}`, `../${b}/*`, `../../${b}/*`],
          message: `src/${layer} may not import src/${b}: dependencies point one way (core ← stages ← pipeline ← serve | cli).`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'web/dist/**',
      'data/**',
      'examples/**',
      'test-results/**',
      'tmp/**',
      '.*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.ts', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
    },
  },
  {
    // Plain JavaScript entry points and configs: Node globals, no type information.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
  ...layerRules,
);
