// Removing a printer from the Printers page: a modal dialog asks first (the keyboard starts on "Keep it", Escape
// keeps it too), and the API's refusal (jobs still waiting, a printer of the config file) is shown in the dialog.
import { api, explain } from './api.js'
import { announce, byId, h } from './view.js'

/** @param {() => void} removed called after a printer was removed */
export function printerRemoval (removed) {
  const dialog = /** @type {HTMLDialogElement} */ (byId('printer-remove'))
  const title = byId('printer-remove-title')
  const text = byId('printer-remove-text')
  const issues = byId('printer-remove-issues')
  const confirm = /** @type {HTMLButtonElement} */ (byId('printer-remove-confirm'))
  const cancel = /** @type {HTMLButtonElement} */ (byId('printer-remove-cancel'))
  /** @type {any} */
  let printer = null
  /** @type {HTMLElement | null} where the keyboard goes back to when the dialog closes */
  let origin = null

  /** @param {any} p @param {HTMLElement} from */
  function ask (p, from) {
    printer = p
    origin = from
    const name = p.name ?? p.id
    title.textContent = `Remove ${name}?`
    text.textContent = `${name} (${p.id}, ${p.host}:${p.port}) will no longer be listed, and nothing can be printed on it until it is added again.`
    issues.replaceChildren()
    confirm.hidden = false
    confirm.disabled = false
    cancel.textContent = 'Keep it'
    dialog.showModal()
    cancel.focus()
  }

  dialog.addEventListener('close', () => {
    if (origin !== null && origin.isConnected) origin.focus()
    else byId('printer-add').focus()
    printer = null
    origin = null
  })

  confirm.addEventListener('click', async () => {
    if (printer === null) return
    const { id } = printer
    const name = printer.name ?? id
    confirm.disabled = true
    try {
      await api(`/v1/printers/${encodeURIComponent(id)}`, { method: 'DELETE', key: true })
      origin = null
      dialog.close()
      announce(`${name} removed`)
      removed()
    } catch (err) {
      issues.replaceChildren(h('p', { class: 'issue error', text: `Not removed: ${explain(err)}` }))
      confirm.hidden = true
      cancel.textContent = 'Close'
      cancel.focus()
    }
  })
  cancel.addEventListener('click', () => dialog.close())
  return { ask }
}
