// Child process of the HTTP benchmark: a bare Fastify route returning a 2 KB string and the labelworks app, on
// 127.0.0.1 in one process (one core), so the load generator in the parent has the other core. A line `cpu` on stdin
// is answered with this process's CPU time so far (µs), so the parent can charge server CPU to each run: on a shared
// 2-core box requests per second also measure the load generator and the neighbours, CPU per request does not.
import Fastify from 'fastify'
import { createInterface } from 'node:readline'
import { buildApp } from '../src/app.ts'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'

const TWO_KB = 'x'.repeat(2048)
const bare = Fastify({ logger: false })
bare.get('/bare', async () => TWO_KB)
bare.post('/bare', async () => TWO_KB)
await bare.listen({ host: '127.0.0.1', port: 0 })

const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'silent' })
const app = await buildApp({ config, service: loadLabelService(config), logger: false })
await app.listen({ host: '127.0.0.1', port: 0 })

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
process.stdout.write(JSON.stringify({ bare: portOf(bare), app: portOf(app) }) + '\n')
process.on('SIGTERM', () => { void Promise.all([bare.close(), app.close()]).then(() => process.exit(0)) })
