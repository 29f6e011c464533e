#!/usr/bin/env node
// Registers tsx so the CLI runs straight from the TypeScript sources, as `npm start` does.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
