// The golden store on synthetic images in a temporary folder: a missing golden fails (nothing is created), a
// mismatch leaves actual and diff images and names the first differing region, the budget follows the renderer.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Label, TextElement } from '../../src/model/label.ts'
import { INK, PAPER, type LabelBitmap } from './bitmap.ts'
import type { GoldenCase } from './cases.ts'
import { compareWithGolden, writeGolden } from './golden-store.ts'
import { readManifest, updateManifest } from './manifest.ts'

const W = 200
const H = 100
const zebrash = { name: 'zebrash', version: 'zpl-renderer-js 3.4.0' }
const labelary = { name: 'labelary', version: 'api.labelary.com' }
const text: TextElement = {
  kind: 'text', x: 20, y: 10, width: 60, height: 20, text: 'Jordan', fontHeight: 20, fontWidth: 20, rotation: 0, field: 'recipient.name'
}
const label: Label = { dpi: 203, widthDots: W, heightDots: H, elements: [text], warnings: [], trackingCode: 'X', template: 't' }
const golden: GoldenCase = {
  name: 'standard-minimal', template: 'standard', fixture: 'minimal', shows: '', format: 'zpl', dpi: 203, file: 'standard-minimal.zpl-203.png'
}

function image (inkRight = 80): LabelBitmap {
  const data = new Uint8Array(W * H).fill(PAPER)
  for (let y = 12; y < 28; y++) data.fill(INK, y * W + 22, y * W + inkRight)
  return { width: W, height: H, data, sourceWidth: W, sourceHeight: H }
}

let dir: string
beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'golden-store-')) })
afterEach(() => { rmSync(dir, { recursive: true, force: true }) })

async function approve (img: LabelBitmap, renderer = zebrash): Promise<void> {
  const entry = await writeGolden(golden, img, renderer, dir)
  await updateManifest(path.join(dir, 'manifest.json'), { [golden.file]: entry }, new Set([golden.file]))
}

describe('compareWithGolden', () => {
  it('fails on a missing golden and creates nothing', async () => {
    const result = await compareWithGolden(golden, image(), label, zebrash, false, dir)
    expect(result.ok).toBe(false)
    expect(result.detail).toMatch(/no golden golden\/standard-minimal\.zpl-203\.png: run `npm run golden:update`/)
    expect(readdirSync(dir)).toEqual([])
  })

  it('fails a golden the manifest does not list, or whose bytes it does not match', async () => {
    await writeGolden(golden, image(), zebrash, dir)
    expect((await compareWithGolden(golden, image(), label, zebrash, false, dir)).detail).toMatch(/is not in golden\/manifest\.json/)
    await approve(image())
    await writeGolden(golden, image(81), zebrash, dir)
    const result = await compareWithGolden(golden, image(81), label, zebrash, false, dir)
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/changed outside golden:update/) })
  })

  it('passes an identical image and leaves no companions', async () => {
    await approve(image())
    const result = await compareWithGolden(golden, image(), label, zebrash, false, dir)
    expect(result).toMatchObject({ ok: true, budget: 0 })
    expect(readdirSync(dir).sort()).toEqual(['manifest.json', golden.file])
  })

  it('fails one moved dot edge against zebrash, writes actual and diff, and names the region', async () => {
    await approve(image())
    const result = await compareWithGolden(golden, image(81), label, zebrash, false, dir)
    expect(result.ok).toBe(false)
    expect(result.comparison?.mismatched).toBe(16)
    expect(result.detail).toMatch(/16 px differ \(budget 0 px.*first differing region x 80–81, y 12–28.*text recipient\.name "Jordan"/)
    expect(existsSync(path.join(dir, 'standard-minimal.zpl-203.actual.png'))).toBe(true)
    expect(existsSync(path.join(dir, 'standard-minimal.zpl-203.diff.png'))).toBe(true)
  })

  it('holds another renderer to the golden with no budget, and cleans up companions once it matches', async () => {
    await approve(image())
    expect(await compareWithGolden(golden, image(81), label, labelary, false, dir)).toMatchObject({ ok: false, budget: 0 })
    expect(existsSync(path.join(dir, 'standard-minimal.zpl-203.diff.png'))).toBe(true)
    const result = await compareWithGolden(golden, image(), label, labelary, false, dir)
    expect(result).toMatchObject({ ok: true, budget: 0 })
    expect(existsSync(path.join(dir, 'standard-minimal.zpl-203.diff.png'))).toBe(false)
  })
})

describe('updateManifest', () => {
  it('records the renderer per golden and drops goldens no longer in the table', async () => {
    const file = path.join(dir, 'manifest.json')
    const entry = await writeGolden(golden, image(), zebrash, dir)
    await updateManifest(file, { [golden.file]: entry, 'gone.zpl-203.png': entry }, new Set([golden.file, 'gone.zpl-203.png']))
    const dropped = await updateManifest(file, {}, new Set([golden.file]))
    expect(dropped).toEqual([path.join(dir, 'gone.zpl-203.png')])
    expect(Object.keys(readManifest(file).goldens)).toEqual([golden.file])
    expect(readManifest(file).goldens[golden.file]?.renderer).toEqual(zebrash)
  })
})
