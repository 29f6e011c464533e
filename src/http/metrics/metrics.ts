// What the service tells Prometheus (GET /metrics): label requests and renders, print jobs by outcome, the queue
// and printer status per printer, and the process defaults. The queue and printer gauges are read from the store
// when scraped, so every instance sharing a database reports the same values (aggregate them with max, not sum).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { QueueEvent } from '../../printing/queue-event.ts'
import type { QueueStat, StoredStatus } from '../../printing/store.ts'
import type { LabelRequest, LabelService } from '../../service/types.ts'

/** What the queue gauges are read from (the print queue). */
export interface QueueSource {
  queueStats (): Promise<QueueStat[]>
  printerStatuses (): Promise<StoredStatus[]>
  registry: { list (): Promise<{ id: string }[]> }
}

const RENDER_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5]
/** The printer states a status summary is made of; `printer_status` has one series per state. */
const PRINTER_STATES = ['ready', 'unreachable', 'silent', 'paper out', 'paused', 'head up', 'ribbon out', 'buffer full', 'head over temperature', 'corrupt RAM', 'partial format in buffer']

export function createMetrics () {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const queues: QueueSource[] = []

  const labelRequests = new Counter({
    name: 'labelworks_label_requests_total',
    help: 'Label requests answered, by route, format (the representation sent), template, record source and HTTP status',
    labelNames: ['route', 'format', 'template', 'source', 'status'],
    registers: [registry]
  })
  const renders = new Histogram({
    name: 'labelworks_label_render_seconds',
    help: 'Time to render one label, by format, template, record source and outcome (ok or the error code)',
    labelNames: ['format', 'template', 'source', 'outcome'],
    buckets: RENDER_BUCKETS,
    registers: [registry]
  })
  const printJobs = new Counter({
    name: 'labelworks_print_jobs_total',
    help: 'Print job events on this instance: accepted, printed, failed, canceled, retry, held, recovered, stalled',
    labelNames: ['outcome'],
    registers: [registry]
  })

  async function sources<T> (read: (q: QueueSource) => Promise<T[]>): Promise<T[]> {
    return (await Promise.all(queues.map(read))).flat()
  }

  new Gauge({
    name: 'labelworks_print_queue_depth',
    help: 'Jobs queued or being sent, per printer (the whole shared queue)',
    labelNames: ['printer'],
    registers: [registry],
    async collect () {
      this.reset()
      for (const p of await sources((q) => q.registry.list())) this.set({ printer: p.id }, 0)
      for (const s of await sources((q) => q.queueStats())) this.set({ printer: s.printerId }, s.depth)
    }
  })
  new Gauge({
    name: 'labelworks_print_queue_oldest_age_seconds',
    help: 'How long the oldest unfinished job of each printer (queued, held or being sent) has waited; 0 when none waits',
    labelNames: ['printer'],
    registers: [registry],
    async collect () {
      this.reset()
      const now = Date.now()
      for (const p of await sources((q) => q.registry.list())) this.set({ printer: p.id }, 0)
      for (const s of await sources((q) => q.queueStats())) this.set({ printer: s.printerId }, Math.max(0, (now - s.oldestAt) / 1000))
    }
  })
  new Gauge({
    name: 'labelworks_printer_status',
    help: 'The state each printer last reported (1 for each state it is in): ready, unreachable, silent, or a fault',
    labelNames: ['printer', 'state'],
    registers: [registry],
    async collect () {
      this.reset()
      for (const s of await sources((q) => q.printerStatuses())) {
        const now = s.summary.split(', ')
        for (const state of new Set([...PRINTER_STATES, ...now])) this.set({ printer: s.printerId, state }, now.includes(state) ? 1 : 0)
      }
    }
  })
  new Gauge({
    name: 'labelworks_printer_status_age_seconds',
    help: 'Seconds since each printer\'s status was last asked (by any instance)',
    labelNames: ['printer'],
    registers: [registry],
    async collect () {
      this.reset()
      const now = Date.now()
      for (const s of await sources((q) => q.printerStatuses())) this.set({ printer: s.printerId }, Math.max(0, (now - s.checkedAt) / 1000))
    }
  })

  function timed<T extends { format: string, template: string, source: string }> (request: LabelRequest & { format?: string }, run: () => T): T {
    const started = performance.now()
    try {
      const label = run()
      renders.observe({ format: label.format, template: label.template, source: label.source, outcome: 'ok' }, (performance.now() - started) / 1000)
      return label
    } catch (err) {
      failed(request, started, err)
      throw err
    }
  }

  function failed (request: LabelRequest & { format?: string }, started: number, err: unknown): void {
    const outcome = (err as { code?: unknown }).code
    renders.observe({ format: request.format ?? 'zpl', template: request.template ?? 'default', source: request.source ?? 'auto', outcome: typeof outcome === 'string' ? outcome : 'error' }, (performance.now() - started) / 1000)
  }

  return {
    registry,
    labelRequests,
    /** The label service, timing every label it renders. */
    instrument (service: LabelService): LabelService {
      return {
        ...service,
        renderZpl: (request) => timed(request, () => service.renderZpl(request)),
        async render (request) {
          const started = performance.now()
          try {
            const label = await service.render(request)
            renders.observe({ format: label.format, template: label.template, source: label.source, outcome: 'ok' }, (performance.now() - started) / 1000)
            return label
          } catch (err) {
            failed(request, started, err)
            throw err
          }
        }
      }
    },
    /** Reads queue depth, ages and printer status from `queue` when scraped. */
    observeQueue (queue: QueueSource): void {
      queues.push(queue)
    },
    /** Counts a print queue event. */
    onQueueEvent (event: QueueEvent): void {
      printJobs.inc({ outcome: event.type })
    },
    countAccepted (): void {
      printJobs.inc({ outcome: 'accepted' })
    }
  }
}

/** The metrics of one process. */
export type Metrics = ReturnType<typeof createMetrics>
