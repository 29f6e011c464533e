import js from '@eslint/js'
import stylistic from '@stylistic/eslint-plugin'
import tseslint from 'typescript-eslint'

// Style is checked and fixed (`npx eslint --fix .`) by @stylistic, the rules neostandard is made of, set to the
// standard style the code is written in; neostandard itself does not install beside ESLint 10.
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'golden/', '.scratch/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  stylistic.configs.customize({ indent: 2, quotes: 'single', semi: false, jsx: false, braceStyle: '1tbs', commaDangle: 'never', arrowParens: true }),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      '@stylistic/space-before-function-paren': ['error', 'always'],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/max-len': ['error', { code: 160, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
      // Short interfaces and guard clauses stay on one line where that reads best.
      '@stylistic/member-delimiter-style': 'off',
      '@stylistic/max-statements-per-line': 'off',
      '@stylistic/list-style': 'off',
      '@stylistic/operator-linebreak': 'off',
      '@stylistic/quote-props': 'off'
    }
  }
)
