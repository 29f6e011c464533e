// Print: the previewed label to a registered printer with copies, then the job followed queued → sending → printed,
// failed or held, with the reason. The label is laid out again at the printer's density by the print queue.
import { api, apiKey, ApiError, explain, newIdempotencyKey } from './api.js'
import { poll } from './poll.js'
import { shared } from './state.js'
import { announce, byId, clock, h, issueList, jobState, showFieldIssues } from './view.js'

const STEPS = ['queued', 'sending', 'end']

export function createPrint () {
  const form = /** @type {HTMLFormElement} */ (byId('print-form'))
  const printer = /** @type {HTMLSelectElement} */ (byId('print-printer'))
  const copies = /** @type {HTMLInputElement} */ (byId('print-copies'))
  const submit = /** @type {HTMLButtonElement} */ (byId('print-submit'))
  const issues = byId('print-issues')
  const jobPanel = byId('print-job')
  const jobText = byId('print-job-state')
  /** @type {ReturnType<typeof poll> | null} */
  let watcher = null
  /** Kept until the job is accepted, so a retried click after a lost answer cannot print twice. */
  let pendingKey = null
  let sending = false

  function showLabel () {
    const p = shared.previewed
    byId('print-empty').hidden = p !== null
    byId('print-label').hidden = p === null
    if (p !== null) {
      /** @type {HTMLImageElement} */ (byId('print-thumb')).src = p.pngUrl
      byId('print-facts').replaceChildren('Tracking code ', h('strong', { class: 'tracking', text: p.trackingCode }), ` · ${p.detected} record · ${p.template} template`)
    }
    pendingKey = null
    updateButton()
  }

  function updateButton () {
    submit.disabled = sending || shared.previewed === null || printer.value === '' || apiKey() === ''
  }

  async function loadPrinters () {
    if (apiKey() === '') { printer.replaceChildren(); updateButton(); return }
    try {
      const { printers } = await api('/v1/printers', { key: true })
      const chosen = printer.value
      printer.replaceChildren(...printers.map((p) => h('option', { value: p.id, disabled: !p.enabled, selected: p.id === chosen }, `${p.name ?? p.id}${p.enabled ? '' : ' (disabled)'}`)))
      if (printer.value === '' || printers.find((p) => p.id === printer.value)?.enabled !== true) {
        printer.value = printers.find((p) => p.enabled)?.id ?? ''
      }
      issues.replaceChildren(...(printers.length === 0 ? [h('p', { class: 'notice', text: 'No printers registered: add one on the Printers page.' })] : []))
    } catch (err) {
      issues.replaceChildren(h('p', { class: 'issue error', text: explain(err) }))
    }
    updateButton()
  }

  /** @param {any} job */
  function showJob (job) {
    const state = jobState(job)
    const reached = job.state === 'queued' ? 0 : job.state === 'sending' ? 1 : 2
    byId('print-steps').querySelectorAll('li').forEach((li, i) => {
      li.className = i < reached ? 'done' : i === reached ? `current ${state.tone}` : ''
      if (i === reached) li.setAttribute('aria-current', 'step')
      else li.removeAttribute('aria-current')
      // The first step says whether the job waits its turn, is held by a printer fault, or is being retried.
      if (STEPS[i] === 'queued') li.textContent = job.state === 'queued' ? state.text : 'Queued'
      if (STEPS[i] === 'end') li.textContent = state.ended ? state.text : 'Printed'
    })
    const when = state.ended ? ` at ${clock(job.finished_at)}` : ''
    jobText.replaceChildren(h('strong', { text: state.text }), `${when}${state.reason === null ? '' : `: ${state.reason}`}`,
      ` · job ${job.id.slice(0, 8)} on ${job.printer_id}, ${job.copies} cop${job.copies === 1 ? 'y' : 'ies'}, attempt${job.attempts === 1 ? '' : 's'} ${job.attempts}`)
    return state
  }

  /** @param {any} job */
  function watch (job) {
    watcher?.stop()
    jobPanel.hidden = false
    let last = ''
    showJob(job)
    watcher = poll(async () => {
      const { job: now } = await api(`/v1/print-jobs/${encodeURIComponent(job.id)}`, { key: true })
      const state = showJob(now)
      const seen = `${now.state}|${now.last_error}|${now.attempts}`
      const changed = seen !== last
      if (changed && last !== '') announce(`Job ${state.text}${state.reason === null ? '' : `: ${state.reason}`}`)
      last = seen
      if (state.ended) watcher?.stop()
      return changed ? 'changed' : 'same'
    }, { minMs: 400, maxMs: 3000 })
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const p = shared.previewed
    if (p === null || sending) return
    sending = true
    updateButton()
    pendingKey ??= newIdempotencyKey()
    try {
      const body = { printer_id: printer.value, record: p.record, source: p.source, template: p.template, copies: Number(copies.value),
        idempotency_key: pendingKey }
      const { job } = await api('/v1/print-jobs', { method: 'POST', body, key: true })
      pendingKey = null
      showFieldIssues(form, [])
      issues.replaceChildren()
      announce(`Sent to ${job.printer_id}: queued`)
      watch(job)
    } catch (err) {
      const fieldIssues = err instanceof ApiError ? err.issues.map((i) => ({ ...i, kind: 'error' })) : []
      if (err instanceof ApiError && err.status !== 0) pendingKey = null
      const rest = showFieldIssues(form, fieldIssues)
      issues.replaceChildren(h('p', { class: 'issue error', text: `Not printed: ${explain(err)}` }), ...(rest.length > 0 ? [issueList(rest, true)] : []))
    } finally {
      sending = false
      updateButton()
    }
  })
  printer.addEventListener('change', updateButton)
  shared.events.addEventListener('previewed', showLabel)
  showLabel()

  return {
    show () { showLabel(); void loadPrinters() },
    hide () {},
    keyChanged () { void loadPrinters() }
  }
}
