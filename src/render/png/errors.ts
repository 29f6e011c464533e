import { LabelworksError } from '../../errors.ts'

/** zebrash could not draw the ZPL (it names the problem in the message); the original error is the cause. */
export class RenderFailedError extends LabelworksError {
  readonly code = 'RENDER_FAILED'
}

/** A label took longer than the rasterizer's timeout (queueing included); its worker was terminated. */
export class RenderTimeoutError extends LabelworksError {
  readonly code = 'RENDER_TIMEOUT'

  constructor (readonly timeoutMs: number, cause?: unknown) {
    super(`rendering a label took longer than ${timeoutMs} ms`, { cause })
  }
}

/** The renderer pool is closed, full, or its workers cannot start (e.g. the WebAssembly module failed to load). */
export class RendererUnavailableError extends LabelworksError {
  readonly code = 'RENDERER_UNAVAILABLE'
}
