// The markup of each console page; the client (./client) fills in what comes from the API.

/** Text as HTML text or attribute value. */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

const options = (values: readonly (string | number)[], selected: string | number, unit = ''): string =>
  values.map((v) => `<option value="${escapeHtml(String(v))}"${v === selected ? ' selected' : ''}>${escapeHtml(String(v))}${unit}</option>`).join('')

/** A notice shown on the pages that need the API key, until it is given. */
const KEY_NOTICE = '<p class="notice" data-key-notice hidden>Enter the API key (at the top) to see and use the printers.</p>'

/** Preview: the record, its options and its issues on the left; the label as the service draws it on the right. */
export function previewSection (facts: { sources: readonly string[], templates: readonly string[], defaults: { dpi: number, template: string } }): string {
  return `<section id="page-preview" class="page" data-page="preview" aria-labelledby="preview-title">
<h1 id="preview-title">Preview</h1>
<div class="preview-grid">
  <div class="panel record-panel">
    <div class="drop-zone" id="drop-zone">
      <label for="record-text">Delivery record (JSON, any source)</label>
      <textarea id="record-text" spellcheck="false" autocomplete="off" rows="12" aria-describedby="record-help record-json-error"></textarea>
      <p id="record-help" class="help">Paste a record, drop a file here, or choose one:<br>
        <input type="file" id="record-file" accept=".json,.txt,application/json,text/plain" aria-label="Choose a record file"></p>
      <p id="record-json-error" class="issue error" hidden></p>
    </div>
    <fieldset class="options">
      <legend>Label</legend>
      <div class="option"><label for="opt-source">Source</label>
        <select id="opt-source">${options(facts.sources, 'auto')}</select>
        <div class="issues" data-issues-for="source"></div></div>
      <div class="option"><label for="opt-template">Template</label>
        <select id="opt-template">${options(facts.templates, facts.defaults.template)}</select>
        <div class="issues" data-issues-for="template"></div></div>
      <div class="option"><label for="opt-dpi">Density</label>
        <select id="opt-dpi">${options([203, 300], facts.defaults.dpi, ' dpi')}</select>
        <div class="issues" data-issues-for="dpi"></div></div>
    </fieldset>
  </div>
  <div class="panel label-panel">
    <h2 id="label-title">Label</h2>
    <div class="label-and-zpl">
      <figure class="label-frame" id="label-frame" aria-busy="false">
        <img id="label-image" alt="No label yet" hidden>
        <figcaption id="label-caption">No label yet.</figcaption>
      </figure>
      <pre id="zpl-text" class="zpl" hidden tabindex="0" aria-label="ZPL of the label"></pre>
    </div>
    <div class="actions" role="group" aria-labelledby="download-title">
      <span id="download-title">Download</span>
      <button type="button" data-download="zpl" aria-label="Download ZPL" disabled>ZPL</button>
      <button type="button" data-download="pdf" aria-label="Download PDF" disabled>PDF</button>
      <button type="button" data-download="png" aria-label="Download PNG" disabled>PNG</button>
    </div>
    <div class="actions">
      <label class="check"><input type="checkbox" id="show-zpl"> Show ZPL text</label>
      <a href="/console/print" data-page-link="print" class="button primary" id="to-print">Print this label…</a>
    </div>
  </div>
  <div class="panel checks-panel">
    <h2 id="checks-title">Checks</h2>
    <div id="preview-summary" class="summary" role="status" aria-live="polite"><p>Paste or drop a record to see its label.</p></div>
    <div class="issues" id="general-issues"></div>
    <h3 id="fields-title">Record fields</h3>
    <div class="fields" id="record-fields" role="region" aria-labelledby="fields-title" tabindex="0"><p class="help">The record's fields appear here, each with the warnings and errors that name it.</p></div>
  </div>
</div>
</section>`
}

/** Print: the previewed label to a registered printer, and the job followed to its end. */
export function printSection (): string {
  return `<section id="page-print" class="page" data-page="print" aria-labelledby="print-title">
<h1 id="print-title">Print</h1>
${KEY_NOTICE}
<div class="print-grid">
  <div class="panel">
    <h2>Label</h2>
    <p id="print-empty">Nothing previewed yet: <a href="/console" data-page-link="preview">preview a record</a> first.</p>
    <div id="print-label" hidden>
      <img id="print-thumb" alt="The label to print" class="thumb">
      <p id="print-facts"></p>
    </div>
  </div>
  <form id="print-form" class="panel" novalidate>
    <h2>Printer</h2>
    <div class="option"><label for="print-printer">Printer</label>
      <select id="print-printer" required></select>
      <div class="issues" data-issues-for="printer_id"></div></div>
    <div class="option"><label for="print-copies">Copies</label>
      <input id="print-copies" type="number" min="1" max="1000" value="1" inputmode="numeric" required>
      <div class="issues" data-issues-for="copies"></div></div>
    <p class="help">The label is laid out at the printer's density.</p>
    <button type="submit" class="primary" id="print-submit" disabled>Print</button>
    <div class="issues" id="print-issues" role="alert"></div>
  </form>
  <div class="panel" id="print-job" hidden>
    <h2>Job</h2>
    <ol class="steps" id="print-steps">
      <li data-step="queued">Queued</li><li data-step="sending">Sending</li><li data-step="end">Printed</li>
    </ol>
    <p id="print-job-state" class="job-state" role="status" aria-live="polite"></p>
    <p><a href="/console/jobs" data-page-link="jobs">All jobs</a></p>
  </div>
</div>
</section>`
}

/** Printers: live status, queue depth and density of each; add, edit, enable, disable or remove. */
export function printersSection (): string {
  return `<section id="page-printers" class="page" data-page="printers" aria-labelledby="printers-title">
<h1 id="printers-title">Printers</h1>
${KEY_NOTICE}
<div class="panel table-panel">
  <table id="printers-table">
    <caption class="visually-hidden">Registered printers, their live status, queue depth and density</caption>
    <thead><tr><th scope="col">Printer</th><th scope="col">Address</th><th scope="col">Status</th><th scope="col">Checked</th><th scope="col">Queue</th><th scope="col">Density</th><th scope="col">Actions</th></tr></thead>
    <tbody></tbody>
  </table>
  <p id="printers-empty" class="help" hidden>No printers registered yet.</p>
  <p><button type="button" id="printer-add">Add a printer</button></p>
</div>
<form id="printer-form" class="panel printer-form" hidden novalidate>
  <h2 id="printer-form-title">Add a printer</h2>
  <div class="form-grid">
    <div class="option"><label for="pf-id">Id</label><input id="pf-id" required autocomplete="off" spellcheck="false"><div class="issues" data-issues-for="id"></div></div>
    <div class="option"><label for="pf-name">Name</label><input id="pf-name" autocomplete="off"><div class="issues" data-issues-for="name"></div></div>
    <div class="option"><label for="pf-host">Host or IP address</label><input id="pf-host" required autocomplete="off" spellcheck="false"><div class="issues" data-issues-for="host"></div></div>
    <div class="option"><label for="pf-port">Port</label><input id="pf-port" type="number" min="1" max="65535" value="9100" inputmode="numeric"><div class="issues" data-issues-for="port"></div></div>
    <div class="option"><label for="pf-dpi">Density</label><select id="pf-dpi"><option value="">Ask the printer</option><option value="203">203 dpi</option><option value="300">300 dpi</option></select><div class="issues" data-issues-for="dpi"></div></div>
    <div class="option"><label class="check"><input type="checkbox" id="pf-enabled" checked> Enabled</label><div class="issues" data-issues-for="enabled"></div></div>
  </div>
  <div class="issues" id="printer-form-issues" role="alert"></div>
  <p><button type="submit" class="primary">Save</button> <button type="button" id="printer-form-cancel">Cancel</button></p>
</form>
<dialog id="printer-remove" class="panel confirm" aria-labelledby="printer-remove-title" aria-describedby="printer-remove-text printer-remove-issues">
  <h2 id="printer-remove-title">Remove the printer?</h2>
  <p id="printer-remove-text"></p>
  <div class="issues" id="printer-remove-issues" role="alert"></div>
  <p class="actions"><button type="button" id="printer-remove-confirm" class="danger">Remove</button> <button type="button" id="printer-remove-cancel">Keep it</button></p>
</dialog>
</section>`
}

/** Jobs: the latest jobs of each printer; cancel what has not been sent, reprint what has ended. */
export function jobsSection (): string {
  return `<section id="page-jobs" class="page" data-page="jobs" aria-labelledby="jobs-title">
<h1 id="jobs-title">Jobs</h1>
${KEY_NOTICE}
<div class="panel table-panel">
  <div class="option inline"><label for="jobs-printer">Printer</label><select id="jobs-printer"><option value="">All printers</option></select></div>
  <table id="jobs-table">
    <caption class="visually-hidden">Recent print jobs, newest first</caption>
    <thead><tr><th scope="col">Created</th><th scope="col">Printer</th><th scope="col">Tracking code</th><th scope="col">Copies</th><th scope="col">State</th><th scope="col">Attempts</th><th scope="col">Last error</th><th scope="col">Actions</th></tr></thead>
    <tbody></tbody>
  </table>
  <p id="jobs-empty" class="help" hidden>No jobs yet.</p>
  <div class="issues" id="jobs-issues" role="alert"></div>
</div>
</section>`
}
