// HarfBuzz compiled to WebAssembly (harfbuzzjs). Its module instantiates `harfbuzz.wasm` from its own folder in
// node_modules when first imported (top-level await), never from the network; importing it once and caching the
// promise makes the async start-up happen once, after which shaping is synchronous.

type HarfBuzz = typeof import('harfbuzzjs')

let loading: Promise<HarfBuzz> | undefined

/** The initialised HarfBuzz module (the same one for every caller). */
export async function harfbuzz (): Promise<HarfBuzz> {
  loading ??= import('harfbuzzjs')
  return await loading
}
