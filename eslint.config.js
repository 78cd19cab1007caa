import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'crds/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only core/src/kube may talk to the Kubernetes client library (style.md rule 6).
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@kubernetes/client-node',
              message: 'Only core/src/kube (and test emulators) import client-node.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/src/kube/**', 'test/**', 'bench/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
