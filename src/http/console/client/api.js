// The console's one way to the HTTP API: JSON in and out, the API key from this tab's sessionStorage (never a URL),
// and refusals as ApiError with the API's code and field issues.
/* global fetch, sessionStorage, document, CustomEvent, crypto */

const KEY_STORE = 'labelworks.apiKey'

/** The API key given in this tab, or '' */
export function apiKey () {
  return sessionStorage.getItem(KEY_STORE) ?? ''
}

/** Keeps (or, with '', forgets) the key for this tab and tells the pages. @param {string} key */
export function setApiKey (key) {
  if (key === '') sessionStorage.removeItem(KEY_STORE)
  else sessionStorage.setItem(KEY_STORE, key)
  document.dispatchEvent(new CustomEvent('lw-key', { detail: { set: key !== '' } }))
}

/** An answer that was not a success: the status, the API's error code, message and field issues. */
export class ApiError extends Error {
  /**
   * @param {number} status 0 when the service could not be reached
   * @param {{ error?: { code?: string, message?: string, issues?: { path: string, rule: string, message: string }[] } } | null} body
   */
  constructor (status, body) {
    super(body?.error?.message ?? (status === 0 ? 'the service cannot be reached' : `the service answered ${status}`))
    this.status = status
    this.code = body?.error?.code ?? (status === 0 ? 'NETWORK' : `HTTP_${status}`)
    this.issues = body?.error?.issues ?? []
  }
}

/**
 * Calls the API. With `key`, sends the tab's API key; a refused key is forgotten so the key bar asks again.
 * @param {string} path
 * @param {{ method?: string, body?: unknown, key?: boolean, accept?: string }} [options]
 * @returns {Promise<any>} the JSON answer, or a Blob when `accept` names raw bytes
 */
export async function api (path, options = {}) {
  const accept = options.accept ?? 'application/json'
  /** @type {Record<string, string>} */
  const headers = { accept }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (options.key === true && apiKey() !== '') headers['x-api-key'] = apiKey()
  let response
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), cache: 'no-store' })
  } catch {
    throw new ApiError(0, null)
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null)
    const error = new ApiError(response.status, body)
    if (error.code === 'UNAUTHORIZED' && options.key === true) setApiKey('')
    throw error
  }
  return accept === 'application/json' ? response.json() : response.blob()
}

/** A new idempotency key: random, made without crypto.randomUUID, which plain-HTTP pages on a LAN lack. */
export function newIdempotencyKey () {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return `console-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`
}

/**
 * What to tell an operator about a failed call that needs the key.
 * @param {unknown} err
 */
export function explain (err) {
  if (!(err instanceof ApiError)) return String(err)
  if (err.code === 'UNAUTHORIZED') return 'The API key was refused; enter it again at the top.'
  if (err.code === 'PRINTING_DISABLED') return 'Printing is off: the service was started without an API_KEY.'
  if (err.status === 0) return 'The service cannot be reached.'
  return err.message
}
