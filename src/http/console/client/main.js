// The console's entry: switches pages without a reload (so the previewed record stays for the Print page), keeps the
// API key bar, and starts or stops each page's live updates as it is shown or left.
/* global document, window, history, location */
import { apiKey, setApiKey } from './api.js'
import { createJobs } from './jobs.js'
import { createPreview } from './preview.js'
import { createPrint } from './print.js'
import { createPrinters } from './printers.js'
import { byId } from './view.js'

const TITLES = { preview: 'Preview', print: 'Print', printers: 'Printers', jobs: 'Jobs' }
/** @type {Record<string, { show (): void, hide (): void, keyChanged?: () => void }>} */
const pages = { preview: createPreview(), print: createPrint(), printers: createPrinters(), jobs: createJobs() }

/** @param {string} path */
const pageOf = (path) => {
  const name = path.replace(/\/+$/, '').split('/')[2] ?? 'preview'
  return name in pages ? name : 'preview'
}
let current = pageOf(location.pathname)

/** @param {string} page @param {boolean} focus move the keyboard to the page's heading */
function go (page, focus) {
  if (page !== current) pages[current]?.hide()
  current = page
  for (const section of document.querySelectorAll('section.page')) section.hidden = section.getAttribute('data-page') !== page
  for (const link of document.querySelectorAll('nav [data-page-link]')) {
    if (link.getAttribute('data-page-link') === page) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  document.title = `${TITLES[page]} · labelworks console`
  pages[page]?.show()
  if (focus) {
    const heading = /** @type {HTMLElement | null} */ (document.querySelector(`#page-${page} h1`))
    heading?.setAttribute('tabindex', '-1')
    heading?.focus()
  }
}

document.addEventListener('click', (event) => {
  const link = /** @type {Element} */ (event.target).closest?.('a[data-page-link]')
  if (link === null || link === undefined || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return
  event.preventDefault()
  const page = link.getAttribute('data-page-link') ?? 'preview'
  history.pushState({ page }, '', page === 'preview' ? '/console' : `/console/${page}`)
  go(page, true)
})
window.addEventListener('popstate', () => go(pageOf(location.pathname), true))

function showKeyState () {
  const set = apiKey() !== ''
  byId('key-form').hidden = set
  byId('key-help').hidden = set
  byId('key-state').hidden = !set
  for (const notice of document.querySelectorAll('[data-key-notice]')) /** @type {HTMLElement} */ (notice).hidden = set
}

byId('key-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const input = /** @type {HTMLInputElement} */ (byId('api-key'))
  const key = input.value.trim()
  input.value = ''
  if (key !== '') setApiKey(key)
})
byId('key-forget').addEventListener('click', () => { setApiKey(''); byId('api-key').focus() })
document.addEventListener('lw-key', () => {
  showKeyState()
  for (const page of Object.values(pages)) page.keyChanged?.()
})

showKeyState()
go(current, false)
document.documentElement.classList.add('ready')
