// docs/extending.md's worked example of an output format: the laid-out label as JSON, every element with its place
// in dots, for tools that draw or check labels themselves. In src/ it is src/service/formats/layout.ts (imports
// from './format.ts') plus the line `layoutFormat,` in src/service/formats/registry.ts.
import { defineFormat } from '../../src/service/formats/format.ts'

export const layoutFormat = defineFormat({
  name: 'layout',
  contentType: 'application/vnd.labelworks.layout+json',
  acceptAliases: [],
  extension: 'json',
  binary: false,
  renderer: () => (label) => Buffer.from(JSON.stringify(label)),
  // A batch is JSON Lines: one label a line, written as each is laid out.
  batcher: () => (_options, write) => ({
    add: async (label) => { await write(Buffer.from(JSON.stringify(label) + '\n')) },
    finish: async () => {}
  })
})
