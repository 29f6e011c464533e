// The record's fields as a table, every warning and error beside the field it names (`record.recipient.name`). An
// issue naming a field the record lacks gets a row of its own marked "not in the record".
/* global HTMLElement */
import { h, issueList } from './view.js'

/** Rows shown at most: a large delivery response stays readable, and issue rows are always kept. */
const MAX_ROWS = 400

/**
 * Every leaf of `value` as [path, shown value], paths as the API names them (`record.items.0.barcode`); objects and
 * lists go into `containers` with how they are shown when an issue names them as a whole.
 * @param {unknown} value
 * @param {string} path
 * @param {[string, string][]} out
 * @param {Map<string, string>} containers
 */
function leaves (value, path, out, containers) {
  if (Array.isArray(value)) {
    containers.set(path, `a list of ${value.length}`)
    if (value.length === 0) out.push([path, '[] (empty list)'])
    value.forEach((item, i) => leaves(item, `${path}.${i}`, out, containers))
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    containers.set(path, `an object of ${entries.length} field${entries.length === 1 ? '' : 's'}`)
    if (entries.length === 0) out.push([path, '{} (empty)'])
    for (const [key, item] of entries) leaves(item, `${path}.${key}`, out, containers)
  } else {
    out.push([path, value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value) : String(value)])
  }
  return out
}

/**
 * Fills `container` with the record's fields and the issues that name them; returns the issues that name no field
 * of the record (options, the label's own fields, the record as a whole), for the caller to show elsewhere.
 * @param {HTMLElement} container
 * @param {unknown} record
 * @param {{ kind: 'error' | 'warning', path: string, message: string, rule?: string, code?: string }[]} issues
 */
export function showRecordFields (container, record, issues) {
  const containers = new Map()
  const rows = leaves(record, 'record', [], containers)
  const paths = new Set(rows.map(([path]) => path))
  const byPath = new Map()
  const elsewhere = []
  for (const issue of issues) {
    const own = issue.path.startsWith('record.') || paths.has(issue.path)
    if (!own) { elsewhere.push(issue); continue }
    byPath.set(issue.path, [...(byPath.get(issue.path) ?? []), issue])
  }
  // An issue about an object or list as a whole gets a row just above its first field; one about a field the record
  // lacks, a row at the top.
  const missing = []
  for (const path of byPath.keys()) {
    if (paths.has(path)) continue
    const shown = containers.get(path)
    const at = shown === undefined ? -1 : rows.findIndex(([p]) => p.startsWith(`${path}.`))
    if (at < 0) missing.push([path, shown === undefined ? null : `(${shown})`])
    else rows.splice(at, 0, [path, `(${shown})`])
  }
  const all = [...missing, ...rows]
  const shown = all.filter(([path], i) => i < MAX_ROWS || byPath.has(path))
  const body = h('tbody', {}, ...shown.map(([path, value]) => {
    const found = byPath.get(path) ?? []
    const tone = found.some((i) => i.kind === 'error') ? 'has-error' : found.length > 0 ? 'has-warning' : undefined
    return h('tr', { class: tone, 'data-path': path },
      h('th', { scope: 'row' }, h('code', { text: path })),
      h('td', {}, value === null ? h('em', { text: 'not in the record' }) : h('span', { class: 'value', text: value }), found.length > 0 ? issueList(found) : null))
  }))
  const table = h('table', { class: 'field-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Field' }), h('th', { scope: 'col', text: 'Value and issues' }))), body)
  const more = all.length > shown.length ? h('p', { class: 'help', text: `${all.length - shown.length} more fields not shown.` }) : null
  container.replaceChildren(table, ...(more === null ? [] : [more]))
  // The first field with an issue comes into view inside the table's own scroll box, not by scrolling the page.
  const first = body.querySelector('.has-error, .has-warning')
  container.scrollTop = first instanceof HTMLElement ? Math.max(0, first.offsetTop - 40) : 0
  return elsewhere
}
