// The add / edit form of the Printers page: POST /v1/printers for a new printer, PATCH for a change, and the API's
// refusals shown beside the field they name.
import { api, ApiError, explain } from './api.js'
import { announce, byId, h, issueList, showFieldIssues } from './view.js'

/** @param {() => void} saved called after a printer was added or changed */
export function printerForm (saved) {
  const form = /** @type {HTMLFormElement} */ (byId('printer-form'))
  const title = byId('printer-form-title')
  const general = byId('printer-form-issues')
  const field = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (byId(id))
  const [id, name, host, port, dpi, enabled] = ['pf-id', 'pf-name', 'pf-host', 'pf-port', 'pf-dpi', 'pf-enabled'].map(field)
  /** @type {string | null} the id of the printer being edited; null when adding */
  let editing = null

  /** @param {any} printer */
  function open (printer) {
    editing = printer?.id ?? null
    title.textContent = editing === null ? 'Add a printer' : `Edit ${printer.name ?? printer.id}`
    id.value = printer?.id ?? ''
    id.disabled = editing !== null
    name.value = printer?.name ?? ''
    host.value = printer?.host ?? ''
    port.value = String(printer?.port ?? 9100)
    dpi.value = printer?.dpi === null || printer?.dpi === undefined ? '' : String(printer.dpi)
    enabled.checked = printer?.enabled ?? true
    showFieldIssues(form, [])
    general.replaceChildren()
    form.hidden = false
    ;(editing === null ? id : name).focus()
  }

  function close () {
    form.hidden = true
    byId('printer-add').focus()
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    /** @type {Record<string, unknown>} */
    const body = { host: host.value.trim(), port: Number(port.value), enabled: enabled.checked }
    if (name.value.trim() !== '') body.name = name.value.trim()
    if (dpi.value !== '') body.dpi = Number(dpi.value)
    else if (editing !== null) body.dpi = null
    try {
      const answer = editing === null
        ? await api('/v1/printers', { method: 'POST', body: { id: id.value.trim(), ...body }, key: true })
        : await api(`/v1/printers/${encodeURIComponent(editing)}`, { method: 'PATCH', body, key: true })
      announce(`Printer ${answer.printer.name ?? answer.printer.id} saved`)
      close()
      saved()
    } catch (err) {
      const issues = err instanceof ApiError ? err.issues.map((i) => ({ ...i, kind: 'error' })) : []
      const rest = showFieldIssues(form, issues)
      general.replaceChildren(h('p', { class: 'issue error', text: `Not saved: ${explain(err)}` }), ...(rest.length > 0 ? [issueList(rest, true)] : []))
      form.querySelector('.issue')?.closest('.option')?.querySelector('input, select')?.focus()
    }
  })
  byId('printer-form-cancel').addEventListener('click', close)
  byId('printer-add').addEventListener('click', () => open(null))
  return { edit: open }
}
