// Lint: typescript-eslint's recommended rules (not type-aware: they stay fast), the rules of hooks
// for the React app, no import cycles, and the layer rules that keep the import graph pointing down:
// report/ and contracts/ are leaves; core/ imports only them; models/ingest/storage never reach up
// into pipeline, workers, ui or cli; pipeline never into ui, cli or workers; src/ never imports
// test/ or scripts/, and scripts/ never imports test/.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `from` folders (relative to the repository root) that the files under `target` must not import. */
const layers = [
  {
    target: './src/core',
    from: './src',
    except: ['./core', './contracts', './report'],
    message: 'core/ is pure: it imports only core/, contracts/ and the report schema.',
  },
  {
    target: './src/report',
    from: './src',
    except: ['./report'],
    message: 'report/ is the leaf schema: it imports nothing else from src/.',
  },
  {
    target: './src/contracts',
    from: './src',
    except: ['./contracts', './models/manifest.ts'],
    message: 'contracts/ is a leaf: it imports only the model manifest types.',
  },
  ...['models', 'ingest', 'storage'].flatMap((lower) =>
    ['pipeline', 'workers', 'ui', 'cli'].map((upper) => ({
      target: `./src/${lower}`,
      from: `./src/${upper}`,
      message: `${lower}/ sits below ${upper}/: share a type through src/contracts instead.`,
    })),
  ),
  ...['ui', 'cli', 'workers'].map((upper) => ({
    target: './src/pipeline',
    from: `./src/${upper}`,
    message: `pipeline/ is shared by the app and the CLI: it must not import ${upper}/.`,
  })),
  { target: './src', from: './test', message: 'src/ must not import test code.' },
  { target: './src', from: './scripts', message: 'src/ must not import scripts.' },
  { target: './scripts', from: './test', message: 'scripts/ must not import test code: move the shared helper into scripts/.' },
];

export default defineConfig(
  { ignores: ['node_modules/', 'dist/', 'dist-*/', 'public/', 'demo/', '.cache/', 'docs/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser, ...globals.worker },
    },
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle follows an import only into files it can parse.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Imports name their `.ts` file; a few older ones say `.js` for a `.ts` file.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // `_name` marks a value left out on purpose (a destructured field dropped from a copy).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // These rules serve the React Compiler, which the app does not use: they flag its deliberate
    // patterns (timings read during render, state reset when an input changes, the latest-callback
    // ref) and libraries it cannot memoise (@tanstack/react-virtual).
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'react-hooks/purity': 'off',
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // A declaration file pulls in another declaration file the only way it can.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off' },
  },
  {
    // TF.js graph JSON has no published types; the converter reads it as it comes.
    files: ['scripts/tfjs-to-onnx/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
