// The zebrash pool costs nothing until a label is drawn, and gives its memory back when idle.
import { afterEach, describe, expect, it } from 'vitest'
import { createZplRasterizer, type ZplRasterizer } from '../../../src/render/png/rasterizer.ts'

const ZPL = '^XA^FO50,50^A0N,40,40^FDHello^FS^XZ'
let rasterizer: ZplRasterizer | undefined
afterEach(async () => { await rasterizer?.close() })

async function waitFor (check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms
  while (!check() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25))
  return check()
}

describe('rasterizer pool', () => {
  it('starts no worker until the first label, and none is left after idleTimeoutMs', async () => {
    rasterizer = createZplRasterizer({ workers: 2, idleTimeoutMs: 300 })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(rasterizer.stats().threads).toBe(0)
    const [png] = await rasterizer.render(ZPL, { dpmm: 8, widthIn: 4, heightIn: 6 })
    expect(png?.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(rasterizer.stats().threads).toBeGreaterThanOrEqual(1)
    expect(await waitFor(() => rasterizer?.stats().threads === 0, 5_000)).toBe(true)
    const [again] = await rasterizer.render(ZPL, { dpmm: 8, widthIn: 4, heightIn: 6 })
    expect(again?.equals(png as Buffer)).toBe(true)
  })

  it('closes cleanly when it never started', async () => {
    const unused = createZplRasterizer({ workers: 2 })
    await unused.close()
    await expect(unused.render(ZPL, { dpmm: 8, widthIn: 4, heightIn: 6 })).rejects.toMatchObject({ code: 'RENDERER_UNAVAILABLE' })
  })
})
