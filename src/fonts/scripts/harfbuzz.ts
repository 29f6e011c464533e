// HarfBuzz compiled to WebAssembly (harfbuzzjs). Its module instantiates `harfbuzz.wasm` from its own folder in
// node_modules when first imported (top-level await), never from the network. Imported statically, so that a module
// using the script fonts is evaluated only once HarfBuzz is ready and everything after that, loading the fonts
// included, is synchronous: start-up code that builds the label service stays synchronous.
import * as harfbuzzjs from 'harfbuzzjs'

type HarfBuzz = typeof harfbuzzjs

/** The initialised HarfBuzz module (the same one for every caller). */
export function harfbuzz (): HarfBuzz {
  return harfbuzzjs
}
