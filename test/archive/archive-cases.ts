// What every label archive must do, whatever its database: run by the SQLite and the PostgreSQL archive tests.
import { expect } from 'vitest'
import { newLabelId, type ArchivedLabel, type LabelArchive } from '../../src/archive/label-archive.ts'

/** A label made at `createdAt` (epoch ms) for `trackingCode`, with a warning, as the routes archive them. */
export function archivedLabel (createdAt: number, trackingCode = 'LWXTEST000000001'): ArchivedLabel {
  return {
    id: newLabelId(),
    createdAt,
    trackingCode,
    source: 'generic',
    data: { trackingCode, shipDate: '2026-11-24', shipper: { name: 'Acme' }, recipient: { name: 'Jō Lí 李', address: { lines: ['1 Elm St'], city: 'Reno', country: 'US' } }, references: [] },
    options: { template: 'standard', format: 'zpl', dpi: 203 },
    warnings: [{ code: 'TEXT_TRUNCATED', path: 'record.recipient.name', message: 'cut' }]
  }
}

/** Searches by tracking code and time, newest first, a page at a time, and pages labels of one millisecond by id. */
export async function searchesNewestFirst (archive: LabelArchive): Promise<void> {
  const labels = Array.from({ length: 25 }, (_, i) => archivedLabel(10_000 + i * 10, i % 5 === 0 ? 'LWXOTHER00000001' : 'LWXTEST000000001'))
  await Promise.all(labels.map((l) => archive.put(l)))
  const first = await archive.search({ trackingCode: 'LWXTEST000000001', limit: 7 })
  expect(first.labels.map((l) => l.createdAt)).toEqual([10_240, 10_230, 10_220, 10_210, 10_190, 10_180, 10_170])
  const seen = [...first.labels]
  let next = first.next
  while (next !== undefined) {
    const page = await archive.search({ trackingCode: 'LWXTEST000000001', limit: 7, after: next })
    seen.push(...page.labels)
    next = page.next
  }
  expect(seen).toHaveLength(20)
  expect(new Set(seen.map((l) => l.id)).size).toBe(20)
  const window = await archive.search({ from: 10_050, to: 10_100, limit: 100 })
  expect(window.labels.map((l) => l.createdAt)).toEqual([10_090, 10_080, 10_070, 10_060, 10_050])
  expect(window.next).toBeUndefined()
  // Labels of one millisecond are paged by id, byte by byte, whatever the database's collation.
  const same = Array.from({ length: 9 }, () => archivedLabel(20_000))
  await Promise.all(same.map((l) => archive.put(l)))
  const ids: string[] = []
  for (let page = await archive.search({ from: 20_000, limit: 4 }); ; page = await archive.search({ from: 20_000, limit: 4, after: page.next })) {
    ids.push(...page.labels.map((l) => l.id))
    if (page.next === undefined) break
  }
  expect(ids).toEqual(same.map((l) => l.id).sort().reverse())
}
