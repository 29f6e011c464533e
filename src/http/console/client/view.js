// Small DOM helpers of the console: elements built from text (never from HTML strings), times, states and issues.
/* global document, setTimeout */

/**
 * An element with properties, attributes and children; strings become text nodes, so API text cannot inject markup.
 * @param {string} tag
 * @param {Record<string, unknown>} [props] `class`, `text`, `on<event>`, `data-*`, `aria-*` or any attribute
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h (tag, props = {}, ...children) {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue
    if (key === 'text') node.textContent = String(value)
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), /** @type {EventListener} */ (value))
    else if (value === true) node.setAttribute(key, '')
    else node.setAttribute(key, String(value))
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child)
  return node
}

/** @param {string} id @returns {HTMLElement} */
export function byId (id) {
  const node = document.getElementById(id)
  if (node === null) throw new Error(`the console page has no #${id}`)
  return node
}

/** Says `text` to screen readers through the page's live region. */
export function announce (text) {
  const region = byId('announce')
  region.textContent = ''
  // A change of text is what makes it spoken, even when the same words come twice.
  setTimeout(() => { region.textContent = text }, 50)
}

/**
 * "12 s ago", "4 min ago": how long ago an ISO time was, for status seen at a glance.
 * @param {string | null | undefined} iso
 * @param {number} [now]
 */
export function ago (iso, now = Date.now()) {
  if (iso === null || iso === undefined) return 'never'
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000))
  if (seconds < 60) return `${seconds} s ago`
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`
  return `${Math.floor(seconds / 3600)} h ago`
}

/** A local clock time (and the date when it is not today) of an ISO time. @param {string | null | undefined} iso */
export function clock (iso) {
  if (iso === null || iso === undefined) return ''
  const date = new Date(iso)
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return date.toDateString() === new Date().toDateString() ? time : `${date.toLocaleDateString()} ${time}`
}

/**
 * A status badge: a symbol and a word, so the state reads without its colour.
 * @param {'ok' | 'busy' | 'warn' | 'bad' | 'off'} tone
 * @param {string} text
 */
export function badge (tone, text) {
  const symbol = { ok: '✓', busy: '…', warn: '!', bad: '✕', off: '–' }[tone]
  return h('span', { class: `badge ${tone}` }, h('span', { 'aria-hidden': 'true', text: symbol }), ` ${text}`)
}

/**
 * What a job's state means to an operator: a queued job whose last attempt found a printer fault is held.
 * @param {{ state: string, last_error: string | null, attempts: number }} job
 * @returns {{ tone: 'ok' | 'busy' | 'warn' | 'bad' | 'off', text: string, reason: string | null, ended: boolean }}
 */
export function jobState (job) {
  const reason = job.last_error
  switch (job.state) {
    case 'printed': return { tone: 'ok', text: 'Printed', reason: null, ended: true }
    case 'failed': return { tone: 'bad', text: 'Failed', reason, ended: true }
    case 'canceled': return { tone: 'off', text: 'Canceled', reason, ended: true }
    case 'sending': return { tone: 'busy', text: 'Sending', reason: null, ended: false }
    default:
      if (reason !== null && reason.startsWith('held:')) return { tone: 'warn', text: 'Held', reason: reason.replace(/^held:\s*/, ''), ended: false }
      if (reason !== null) return { tone: 'warn', text: 'Queued, retrying', reason, ended: false }
      return { tone: 'busy', text: 'Queued', reason: null, ended: false }
  }
}

/**
 * A list of issues (errors or warnings), each with its kind in words.
 * @param {{ kind: 'error' | 'warning', message: string, rule?: string, code?: string, path?: string }[]} issues
 * @param {boolean} [withPath] name the field too, for issues not shown beside it
 */
export function issueList (issues, withPath = false) {
  return h('ul', { class: 'issue-list' }, ...issues.map((issue) => h('li', { class: `issue ${issue.kind}` },
    h('strong', { text: issue.kind === 'error' ? 'Error' : 'Warning' }), ': ',
    withPath && issue.path ? h('code', { text: issue.path }) : null, withPath && issue.path ? ' ' : null,
    issue.message,
    issue.rule || issue.code ? h('span', { class: 'rule', text: ` (${issue.code ?? issue.rule})` }) : null)))
}

/**
 * Shows API issues beside the controls that declare `data-issues-for="<path>"` inside `root`; returns the issues no
 * control claimed.
 * @param {ParentNode} root
 * @param {{ kind: 'error' | 'warning', path: string, message: string, rule?: string }[]} issues
 */
export function showFieldIssues (root, issues) {
  const rest = []
  const slots = new Map([...root.querySelectorAll('[data-issues-for]')].map((slot) => [slot.getAttribute('data-issues-for'), slot]))
  for (const slot of slots.values()) slot.replaceChildren()
  const bySlot = new Map()
  for (const issue of issues) {
    const slot = slots.get(issue.path.replace(/^(body|query)\./, ''))
    if (slot === undefined) { rest.push(issue); continue }
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), issue])
  }
  for (const [slot, list] of bySlot) slot.replaceChildren(issueList(list))
  return rest
}
