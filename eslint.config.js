import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

// Layering (DESIGN.md): renderer → shared; electron and server (browser mode) → db, shared; db → shared.
// shared imports nothing but itself. Paths are resolved, so `../../db/x` is caught too.
const layering = {
  'import/no-restricted-paths': [
    'error',
    {
      zones: [
        { target: './shared', from: ['./db', './electron', './renderer', './server', './test', './scripts'], message: 'shared/ no importa de otras capas.' },
        { target: './db', from: ['./electron', './renderer', './server', './test'], message: 'db/ solo importa de shared/.' },
        { target: './renderer', from: ['./db', './electron', './server', './test'], message: 'renderer/ solo importa de shared/.' },
        { target: './electron', from: ['./renderer', './server', './test'], message: 'electron/ importa de db/ y shared/.' },
        { target: './server', from: ['./renderer', './electron', './test'], message: 'server/ importa de db/ y shared/.' },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'bench/**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...layering,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Money is integer céntimos: floats must not sneak in through parsing.
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Use parseSoles (céntimos enteros).' }],
      'no-restricted-properties': [
        'error',
        { object: 'Number', property: 'parseFloat', message: 'Use parseSoles (céntimos enteros).' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // shared/ and renderer/ run in the browser too: no Node built-ins.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    rules: { 'import/no-nodejs-modules': 'error' },
  },
);
