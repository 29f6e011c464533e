// Preview: a record pasted, dropped or picked; the service's own PNG of its label a moment after the last keystroke,
// with the detected source, the tracking code, and each warning and error beside the field it names.
/* global document, sessionStorage, setTimeout, clearTimeout, URL, Blob, atob, TextDecoder */
import { api, ApiError } from './api.js'
import { showRecordFields } from './fields.js'
import { setPreviewed, shared } from './state.js'
import { announce, byId, h, issueList, showFieldIssues } from './view.js'

/** The pause after the last keystroke before the label is drawn again. */
const TYPING_PAUSE_MS = 350
const RECORD_STORE = 'labelworks.record'
const RAW_TYPES = { zpl: 'x-application/zpl', pdf: 'application/pdf', png: 'image/png' }

/** @param {string} base64 */
const bytesOf = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

export function createPreview () {
  const text = /** @type {HTMLTextAreaElement} */ (byId('record-text'))
  const file = /** @type {HTMLInputElement} */ (byId('record-file'))
  const source = /** @type {HTMLSelectElement} */ (byId('opt-source'))
  const template = /** @type {HTMLSelectElement} */ (byId('opt-template'))
  const dpi = /** @type {HTMLSelectElement} */ (byId('opt-dpi'))
  const image = /** @type {HTMLImageElement} */ (byId('label-image'))
  const caption = byId('label-caption')
  const frame = byId('label-frame')
  const summary = byId('preview-summary')
  const jsonError = byId('record-json-error')
  const showZpl = /** @type {HTMLInputElement} */ (byId('show-zpl'))
  const zplText = byId('zpl-text')
  const downloads = /** @type {HTMLButtonElement[]} */ ([...document.querySelectorAll('[data-download]')])
  const optionsBox = /** @type {HTMLElement} */ (document.querySelector('.options'))
  let typingTimer
  let sequence = 0
  /** @type {{ record: unknown, source: string, template: string, dpi: number } | null} */
  let current = null

  const request = () => current === null ? null : { ...current }
  const setBusy = (busy) => frame.setAttribute('aria-busy', String(busy))

  /** Shows the label answer (or refusal) of request number `seq`, unless a newer one was sent since. */
  async function draw () {
    const seq = ++sequence
    jsonError.hidden = true
    const raw = text.value.trim()
    if (raw === '') { current = null; return }
    let record
    try {
      record = JSON.parse(raw)
    } catch (err) {
      jsonError.textContent = `Not valid JSON: ${/** @type {Error} */ (err).message}`
      jsonError.hidden = false
      caption.textContent = 'The label below is of the last record that was valid JSON.'
      return
    }
    sessionStorage.setItem(RECORD_STORE, raw)
    current = { record, source: source.value, template: template.value, dpi: Number(dpi.value) }
    setBusy(true)
    try {
      const answer = await api('/v1/labels', { method: 'POST', body: { ...current, format: 'png' } })
      if (seq !== sequence) return
      const warnings = answer.warnings.map((w) => ({ ...w, kind: 'warning' }))
      const url = URL.createObjectURL(new Blob([bytesOf(answer.label_string)], { type: 'image/png' }))
      if (shared.previewed !== null) URL.revokeObjectURL(shared.previewed.pngUrl)
      image.src = url
      image.alt = `Label preview, tracking code ${answer.tracking_code}`
      image.hidden = false
      caption.textContent = `${answer.template} template, ${answer.print_density}, as the service draws it`
      setPreviewed({ ...current, detected: answer.source, trackingCode: answer.tracking_code, pngUrl: url })
      showIssues(record, warnings)
      summary.replaceChildren(h('p', {}, 'Source ', h('strong', { text: answer.source }), source.value === 'auto' ? ' (detected)' : '', ' · Tracking code ', h('strong', { class: 'tracking', text: answer.tracking_code }),
        ' · ', warnings.length === 0 ? 'no warnings' : `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`))
      for (const b of downloads) b.disabled = false
      announce(`Label ready, tracking code ${answer.tracking_code}${warnings.length > 0 ? `, ${warnings.length} warnings` : ''}`)
      if (showZpl.checked) void drawZpl()
    } catch (err) {
      if (seq !== sequence) return
      refused(record, err)
    } finally {
      if (seq === sequence) setBusy(false)
    }
  }

  /** @param {unknown} record @param {{ kind: 'error' | 'warning', path: string, message: string }[]} issues */
  function showIssues (record, issues) {
    const rest = showRecordFields(byId('record-fields'), record, showFieldIssues(optionsBox, issues))
    byId('general-issues').replaceChildren(...(rest.length === 0 ? [] : [issueList(rest, true)]))
  }

  /** @param {unknown} record @param {unknown} err */
  function refused (record, err) {
    const e = err instanceof ApiError ? err : new ApiError(0, null)
    const issues = e.issues.map((i) => ({ ...i, kind: 'error' }))
    showIssues(record, issues.length > 0 ? issues : [{ kind: 'error', path: 'record', message: e.message, rule: e.code }])
    summary.replaceChildren(h('p', { class: 'refused' }, h('strong', { text: 'No label: ' }), `${e.message} `, h('span', { class: 'rule', text: `(${e.code})` })))
    image.hidden = true
    caption.textContent = 'No label: see the errors beside the fields.'
    for (const b of downloads) b.disabled = true
    if (shared.previewed !== null) URL.revokeObjectURL(shared.previewed.pngUrl)
    setPreviewed(null)
    announce(`No label: ${issues.length} error${issues.length === 1 ? '' : 's'}`)
  }

  async function drawZpl () {
    const req = request()
    if (req === null) return
    const answer = await api('/v1/labels', { method: 'POST', body: { ...req, format: 'zpl' } }).catch(() => null)
    zplText.textContent = answer === null ? 'No ZPL: the record makes no label.' : new TextDecoder().decode(bytesOf(answer.label_string))
  }

  /** @param {'zpl' | 'pdf' | 'png'} format */
  async function download (format) {
    const req = request()
    if (req === null || shared.previewed === null) return
    const blob = await api('/v1/labels', { method: 'POST', body: { ...req, format }, accept: RAW_TYPES[format] })
    const url = URL.createObjectURL(blob)
    const link = h('a', { href: url, download: `${shared.previewed.trackingCode}-${req.dpi}dpi.${format}`, hidden: true })
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  /** @param {Blob} picked */
  async function load (picked) {
    text.value = await picked.text()
    void draw()
  }

  text.addEventListener('input', () => {
    // A typed or pasted record is no longer the file that was chosen.
    file.value = ''
    clearTimeout(typingTimer)
    typingTimer = setTimeout(() => { void draw() }, TYPING_PAUSE_MS)
  })
  for (const select of [source, template, dpi]) select.addEventListener('change', () => { void draw() })
  file.addEventListener('change', () => { const picked = file.files?.[0]; if (picked !== undefined) void load(picked) })
  const zone = byId('drop-zone')
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('dragging') })
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'))
  zone.addEventListener('drop', (event) => {
    event.preventDefault()
    zone.classList.remove('dragging')
    const dropped = event.dataTransfer?.files?.[0]
    if (dropped !== undefined) void load(dropped)
  })
  showZpl.addEventListener('change', () => {
    zplText.hidden = !showZpl.checked
    document.querySelector('.label-and-zpl')?.classList.toggle('with-zpl', showZpl.checked)
    if (showZpl.checked) void drawZpl()
  })
  for (const button of downloads) button.addEventListener('click', () => {
    download(/** @type {'zpl' | 'pdf' | 'png'} */ (button.dataset.download)).catch((err) => { announce(`Download failed: ${err instanceof Error ? err.message : String(err)}`) })
  })

  const kept = sessionStorage.getItem(RECORD_STORE)
  if (kept !== null && text.value === '') { text.value = kept; void draw() }
  return { show () {}, hide () {} }
}
