// What the console's pages share: the label last previewed, which the Print page sends to a printer.
/* global EventTarget, Event */

/**
 * @typedef {object} Previewed
 * @property {unknown} record
 * @property {string} source the source asked for (auto or a name)
 * @property {string} detected the source the service read the record as
 * @property {string} template
 * @property {number} dpi
 * @property {string} trackingCode
 * @property {string} pngUrl a blob: URL of the service's PNG of the label
 */

export const shared = {
  /** @type {Previewed | null} */
  previewed: null,
  /** Fires `previewed` when the previewed label changes. */
  events: new EventTarget()
}

/** @param {Previewed | null} previewed */
export function setPreviewed (previewed) {
  shared.previewed = previewed
  shared.events.dispatchEvent(new Event('previewed'))
}
