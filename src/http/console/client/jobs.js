// Jobs: the latest jobs of every printer (or one), newest first, with state, attempts and last error; cancel a job
// not yet sent, reprint one that ended as a new job under a new idempotency key.
import { api, apiKey, ApiError, explain, newIdempotencyKey } from './api.js'
import { poll } from './poll.js'
import { announce, badge, byId, clock, h, jobState } from './view.js'

/** Jobs fetched of each printer, and shown in all. */
const PER_PRINTER = 25
const SHOWN = 60

export function createJobs () {
  const body = /** @type {HTMLTableSectionElement} */ (byId('jobs-table').querySelector('tbody'))
  const filter = /** @type {HTMLSelectElement} */ (byId('jobs-printer'))
  const issues = byId('jobs-issues')
  /** @type {Map<string, { job: any, row: HTMLTableRowElement }>} */
  const rows = new Map()
  /** @type {ReturnType<typeof poll> | null} */
  let poller = null

  /** @param {string} id */
  function rowFor (id) {
    const cells = Array.from({ length: 8 }, (_, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}))
    const cancel = h('button', { type: 'button', 'data-action': 'cancel' }, 'Cancel')
    const reprint = h('button', { type: 'button', 'data-action': 'reprint' }, 'Reprint')
    cancel.addEventListener('click', () => { void act(id, 'cancel') })
    reprint.addEventListener('click', () => { void act(id, 'reprint') })
    cells[7]?.append(cancel, ' ', reprint)
    return h('tr', { 'data-job': id }, ...cells)
  }

  /** @param {string} id */
  function render (id) {
    const entry = rows.get(id)
    if (entry === undefined) return
    const { job, row } = entry
    const [created, printer, tracking, copies, state, attempts, error, actions] = /** @type {HTMLElement[]} */ ([...row.children])
    const s = jobState(job)
    created.textContent = clock(job.created_at)
    printer.textContent = job.printer_id
    tracking.replaceChildren(job.tracking_code === null
      ? h('span', { class: 'muted', text: job.idempotency_key?.startsWith('reprint-') ? 'reprint' : 'raw ZPL' })
      : h('span', { class: 'tracking', text: job.tracking_code }))
    copies.textContent = String(job.copies)
    state.replaceChildren(badge(s.tone, s.text))
    attempts.textContent = String(job.attempts)
    error.textContent = job.last_error ?? ''
    const cancel = /** @type {HTMLButtonElement} */ (actions.querySelector('[data-action=cancel]'))
    const reprint = /** @type {HTMLButtonElement} */ (actions.querySelector('[data-action=reprint]'))
    const label = job.tracking_code ?? job.id.slice(0, 8)
    cancel.hidden = job.state !== 'queued'
    reprint.hidden = !s.ended
    cancel.setAttribute('aria-label', `Cancel job ${label}`)
    reprint.setAttribute('aria-label', `Reprint job ${label}`)
  }

  /** @param {string} id @param {'cancel' | 'reprint'} action */
  async function act (id, action) {
    const entry = rows.get(id)
    if (entry === undefined) return
    issues.replaceChildren()
    try {
      if (action === 'cancel') {
        const { job } = await api(`/v1/print-jobs/${encodeURIComponent(id)}`, { method: 'DELETE', key: true })
        entry.job = job
        render(id)
        announce(`Job ${job.tracking_code ?? job.id.slice(0, 8)} canceled`)
        // The Cancel button is gone; the keyboard stays on the row, at the Reprint button now offered.
        const next = /** @type {HTMLElement | null} */ (entry.row.querySelector('[data-action=reprint]'))
        next?.focus()
      } else {
        const { job } = await api(`/v1/print-jobs/${encodeURIComponent(id)}/reprint`, { method: 'POST', body: { idempotency_key: `reprint-${newIdempotencyKey()}` }, key: true })
        announce(`Reprint queued as job ${job.id.slice(0, 8)} on ${job.printer_id}`)
      }
    } catch (err) {
      issues.replaceChildren(h('p', { class: 'issue error', text: `${action === 'cancel' ? 'Not canceled' : 'Not reprinted'}: ${explain(err)}` }))
    }
    poller?.now()
  }

  async function refresh () {
    const { printers } = await api('/v1/printers', { key: true })
    const chosen = filter.value
    filter.replaceChildren(h('option', { value: '' }, 'All printers'), ...printers.map((p) => h('option', { value: p.id, selected: p.id === chosen }, p.name ?? p.id)))
    const ids = printers.map((p) => p.id).filter((id) => chosen === '' || id === chosen)
    const lists = await Promise.all(ids.map((id) => api(`/v1/printers/${encodeURIComponent(id)}/jobs?limit=${PER_PRINTER}`, { key: true })))
    const jobs = lists.flatMap((l) => l.jobs).sort((a, b) => b.created_at.localeCompare(a.created_at)).slice(0, SHOWN)
    let changed = false
    const keep = new Set(jobs.map((j) => j.id))
    for (const [id, entry] of rows) if (!keep.has(id)) { entry.row.remove(); rows.delete(id); changed = true }
    // Rows already shown stay where they are (moving a row would take the keyboard focus off its button); a newer
    // job goes above them.
    let anchor = body.firstChild
    for (const job of jobs) {
      const entry = rows.get(job.id)
      if (entry === undefined) {
        const row = rowFor(job.id)
        rows.set(job.id, { job, row })
        body.insertBefore(row, anchor)
        changed = true
      } else {
        changed ||= entry.job.updated_at !== job.updated_at
        entry.job = job
        anchor = entry.row.nextSibling
      }
      render(job.id)
    }
    byId('jobs-empty').hidden = jobs.length > 0
    return changed ? 'changed' : 'same'
  }

  function stop () { poller?.stop(); poller = null }

  function start () {
    stop()
    if (apiKey() === '') { for (const entry of rows.values()) entry.row.remove(); rows.clear(); return }
    poller = poll(async () => {
      try {
        const outcome = await refresh()
        issues.replaceChildren()
        return outcome
      } catch (err) {
        issues.replaceChildren(h('p', { class: 'issue error', text: explain(err) }))
        if (err instanceof ApiError && (err.code === 'UNAUTHORIZED' || err.code === 'PRINTING_DISABLED')) stop()
        throw err
      }
    }, { minMs: 1500, maxMs: 10000 })
  }

  filter.addEventListener('change', () => { for (const entry of rows.values()) entry.row.remove(); rows.clear(); poller?.now() })
  return { show: start, hide: stop, keyChanged () { if (!byId('page-jobs').hidden) start() } }
}
