/** How ZPL is rendered: `fontPath` is where the label font is stored on the printer, e.g. `E:LWSANS.TTF`. */
export interface ZplOptions {
  fontPath: string
}
