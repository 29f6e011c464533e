// Child process of the HTTP benchmarks: a bare Fastify route returning a 2 KB string and the labelworks app (and the
// app without its label work, and the app without its web console), on 127.0.0.1 in one process (one core), so the
// load generator in the parent has the other core. A line `cpu` on stdin is answered with this process's CPU time so
// far (µs), so the parent can charge server CPU to each run: on a shared 2-core box requests per second also measure
// the load generator and the neighbours, CPU per request does not.
import Fastify from 'fastify'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { buildApp } from '../src/app.ts'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { devNullLog } from './log-sink.ts'

const TWO_KB = 'x'.repeat(2048)
const bare = Fastify({ logger: false })
bare.get('/bare', async () => TWO_KB)
bare.post('/bare', async () => TWO_KB)
await bare.listen({ host: '127.0.0.1', port: 0 })

// The app logs as `npm start` does, into /dev/null rather than this process's stdout, which carries the answers to
// the parent.
const config = loadConfig({ ...process.env, PORT: '0' })
const service = loadLabelService(config)
const app = await buildApp({ config, service, logStream: devNullLog })
await app.listen({ host: '127.0.0.1', port: 0 })

// The same app with the label work taken out, to split the endpoint's cost into HTTP handling and labelling: its
// service answers every ZPL request with one label made at start-up. Benchmark only; the app never caches labels.
const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown
const madeOnce = service.renderZpl({ record, source: 'generic', dpi: 203 })
const glue = await buildApp({ config, service: { ...service, renderZpl: () => madeOnce }, logStream: devNullLog })
await glue.listen({ host: '127.0.0.1', port: 0 })

// The same app without the web console (CONSOLE_ENABLED=false), for bench/console-cost.ts.
const noConsole = await buildApp({ config: { ...config, consoleEnabled: false }, service, logStream: devNullLog })
await noConsole.listen({ host: '127.0.0.1', port: 0 })

const portOf = (server: typeof bare | typeof app): number => {
  const address = server.server.address()
  return typeof address === 'object' && address !== null ? address.port : 0
}
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.stdout.write(JSON.stringify({ cpuUs: user + system }) + '\n')
  }
})
process.stdout.write(JSON.stringify({ bare: portOf(bare), app: portOf(app), glue: portOf(glue), noConsole: portOf(noConsole) }) + '\n')
process.on('SIGTERM', () => { void Promise.all([bare.close(), app.close(), glue.close(), noConsole.close()]).then(() => process.exit(0)) })
