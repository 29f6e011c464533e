// Printers: every registered printer with its live status (asked of the printer itself, ~HS/~HI), when that was
// checked, its queue depth and density; add, edit, enable, disable and remove. Rows are updated in place, so a button
// keeps the keyboard focus while the statuses refresh around it.
/* global setInterval, clearInterval */
import { api, apiKey, ApiError, explain } from './api.js'
import { poll } from './poll.js'
import { ago, announce, badge, byId, h } from './view.js'
import { printerForm } from './printer-form.js'
import { printerRemoval } from './printer-remove.js'

/**
 * A printer's status as a badge, and what went wrong below it; the words carry it, the colour repeats them.
 * @param {any} printer
 * @param {any} report the answer of GET /v1/printers/:id/status, or undefined before the first
 */
export function printerStatus (printer, report) {
  if (!printer.enabled) return badge('off', 'Disabled')
  if (report === undefined) return badge('busy', 'Checking')
  if (!report.reachable) return h('span', {}, badge('bad', 'Unreachable'), report.error ? h('span', { class: 'reason', text: report.error }) : '')
  if (!report.answered) return badge('bad', 'Not answering: head open or out of paper?')
  const faults = report.status.faults.map((f) => f === 'head up' ? 'head open' : f)
  if (faults.length > 0) return badge('warn', faults.map((f, i) => i === 0 ? f[0].toUpperCase() + f.slice(1) : f).join(', '))
  return badge('ok', 'Ready')
}

/** @param {any} p */
const density = (p) => p.dpi !== null ? `${p.dpi} dpi` : p.detected_dpi !== null ? `${p.detected_dpi} dpi (reported)` : 'not known yet'

export function createPrinters () {
  const body = /** @type {HTMLTableSectionElement} */ (byId('printers-table').querySelector('tbody'))
  /** @type {Map<string, { printer: any, report: any, row: HTMLTableRowElement, poller: ReturnType<typeof poll> | null }>} */
  const known = new Map()
  /** @type {ReturnType<typeof poll> | null} */
  let lister = null
  let ticker
  const form = printerForm(() => lister?.now())
  const removal = printerRemoval(() => lister?.now())

  /** @param {string} id */
  function rowFor (id) {
    const cells = Array.from({ length: 7 }, (_, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {}))
    const edit = h('button', { type: 'button', 'data-action': 'edit' }, 'Edit')
    const toggle = h('button', { type: 'button', 'data-action': 'toggle' })
    const check = h('button', { type: 'button', 'data-action': 'check' }, 'Check now')
    const remove = h('button', { type: 'button', 'data-action': 'remove' }, 'Remove…')
    edit.addEventListener('click', () => form.edit(/** @type {any} */ (known.get(id)).printer))
    toggle.addEventListener('click', () => { void setEnabled(id) })
    check.addEventListener('click', () => known.get(id)?.poller?.now())
    remove.addEventListener('click', () => removal.ask(/** @type {any} */ (known.get(id)).printer, remove))
    cells[6]?.append(edit, ' ', toggle, ' ', check, ' ', remove)
    return h('tr', { 'data-printer': id }, ...cells)
  }

  /** @param {string} id */
  function render (id) {
    const entry = known.get(id)
    if (entry === undefined) return
    const { printer: p, report, row } = entry
    const [name, address, status, checked, depth, dpi, actions] = /** @type {HTMLElement[]} */ ([...row.children])
    name.replaceChildren(p.name ?? p.id, ' ', h('span', { class: 'id', text: p.id }))
    address.textContent = `${p.host}:${p.port}`
    status.replaceChildren(printerStatus(p, report))
    checked.textContent = report === undefined || !p.enabled ? '—' : ago(report.checked_at)
    depth.textContent = String(report?.queue_depth ?? p.queue_depth)
    dpi.textContent = density(p)
    const toggle = /** @type {HTMLButtonElement} */ (actions.querySelector('[data-action=toggle]'))
    toggle.textContent = p.enabled ? 'Disable' : 'Enable'
    toggle.setAttribute('aria-label', `${p.enabled ? 'Disable' : 'Enable'} ${p.name ?? p.id}`)
    actions.querySelector('[data-action=edit]')?.setAttribute('aria-label', `Edit ${p.name ?? p.id}`)
    actions.querySelector('[data-action=check]')?.setAttribute('aria-label', `Check now: ${p.name ?? p.id}`)
    actions.querySelector('[data-action=remove]')?.setAttribute('aria-label', `Remove ${p.name ?? p.id}…`)
  }

  /** @param {string} id */
  async function setEnabled (id) {
    const entry = known.get(id)
    if (entry === undefined) return
    try {
      const { printer } = await api(`/v1/printers/${encodeURIComponent(id)}`, { method: 'PATCH', body: { enabled: !entry.printer.enabled }, key: true })
      entry.printer = { ...entry.printer, ...printer }
      render(id)
      watchStatus(id)
      announce(`${printer.name ?? id} ${printer.enabled ? 'enabled' : 'disabled'}`)
    } catch (err) {
      byId('printer-form-issues').replaceChildren(h('p', { class: 'issue error', text: explain(err) }))
    }
  }

  /** Asks a printer for its status again and again while it is enabled. @param {string} id */
  function watchStatus (id) {
    const entry = known.get(id)
    if (entry === undefined) return
    entry.poller?.stop()
    entry.poller = null
    if (!entry.printer.enabled) { entry.report = undefined; render(id); return }
    let last = ''
    entry.poller = poll(async () => {
      const { status } = await api(`/v1/printers/${encodeURIComponent(id)}/status`, { key: true })
      entry.report = status
      render(id)
      const seen = JSON.stringify([status.reachable, status.answered, status.status?.faults, status.queue_depth])
      const changed = seen !== last
      if (changed && last !== '') announce(`${entry.printer.name ?? id}: ${printerStatus(entry.printer, status).textContent?.trim()}`)
      last = seen
      return changed ? 'changed' : 'same'
    }, { minMs: 1500, maxMs: 5000 })
  }

  async function list () {
    const { printers } = await api('/v1/printers', { key: true })
    byId('printers-empty').hidden = printers.length > 0
    let changed = false
    const ids = new Set(printers.map((p) => p.id))
    for (const [id, entry] of known) {
      if (ids.has(id)) continue
      entry.poller?.stop()
      entry.row.remove()
      known.delete(id)
      changed = true
    }
    for (const p of printers) {
      const entry = known.get(p.id)
      if (entry === undefined) {
        known.set(p.id, { printer: p, report: undefined, row: rowFor(p.id), poller: null })
        body.append(/** @type {HTMLTableRowElement} */ (known.get(p.id)?.row))
        watchStatus(p.id)
        changed = true
      } else {
        const wasEnabled = entry.printer.enabled
        changed ||= JSON.stringify(entry.printer) !== JSON.stringify(p)
        entry.printer = p
        if (wasEnabled !== p.enabled) watchStatus(p.id)
      }
      render(p.id)
    }
    return changed ? 'changed' : 'same'
  }

  function stop () {
    lister?.stop()
    lister = null
    for (const entry of known.values()) { entry.poller?.stop(); entry.poller = null }
    clearInterval(ticker)
  }

  function start () {
    stop()
    if (apiKey() === '') {
      for (const entry of known.values()) entry.row.remove()
      known.clear()
      return
    }
    byId('printer-form-issues').replaceChildren()
    lister = poll(async () => {
      try {
        return await list()
      } catch (err) {
        byId('printer-form-issues').replaceChildren(h('p', { class: 'issue error', text: explain(err) }))
        if (err instanceof ApiError && (err.code === 'UNAUTHORIZED' || err.code === 'PRINTING_DISABLED')) stop()
        throw err
      }
    }, { minMs: 3000, maxMs: 15000 })
    for (const id of known.keys()) watchStatus(id)
    ticker = setInterval(() => { for (const id of known.keys()) render(id) }, 1000)
  }

  return { show: start, hide: stop, keyChanged () { if (!byId('page-printers').hidden) start() } }
}
