import { describe, expect, it } from 'vitest'
import { batchPerTurn, type TurnWork } from '../../src/http/turn-batch.ts'

const nextTurn = (): Promise<void> => new Promise((resolve) => { setImmediate(() => { setImmediate(resolve) }) })

/** A work whose every step is written to `log`; jobs named in `throwIn` throw in that step. */
function recordingWork (log: string[], throwIn: Record<string, 'prepare' | 'deliver'> = {}): TurnWork<string, string> {
  return {
    prepare: (job) => {
      log.push(`prepare ${job}`)
      if (throwIn[job] === 'prepare') throw new Error(`${job} broke in prepare`)
      return job.toUpperCase()
    },
    deliver: (job, result) => {
      if (throwIn[job] === 'deliver') throw new Error(`${job} broke in deliver`)
      log.push(`deliver ${job} ${result}`)
    },
    fail: (job, error) => { log.push(`fail ${job} ${(error as Error).message}`) }
  }
}

describe('batchPerTurn', () => {
  it('does nothing while the turn runs, then prepares every job of the turn before delivering any, in order', async () => {
    const log: string[] = []
    const add = batchPerTurn(recordingWork(log))
    add('a')
    add('b')
    add('c')
    expect(log).toEqual([])
    await nextTurn()
    expect(log).toEqual(['prepare a', 'prepare b', 'prepare c', 'deliver a A', 'deliver b B', 'deliver c C'])
  })

  it('works in slices, so the first job of a crowded turn is not kept waiting for all of them', async () => {
    const log: string[] = []
    const add = batchPerTurn(recordingWork(log), 2)
    for (const job of ['a', 'b', 'c', 'd', 'e']) add(job)
    await nextTurn()
    expect(log).toEqual([
      'prepare a', 'prepare b', 'deliver a A', 'deliver b B',
      'prepare c', 'prepare d', 'deliver c C', 'deliver d D',
      'prepare e', 'deliver e E'
    ])
  })

  it('answers a job whose prepare or deliver threw through fail, and every other job as usual', async () => {
    const log: string[] = []
    const add = batchPerTurn(recordingWork(log, { b: 'prepare', c: 'deliver' }))
    for (const job of ['a', 'b', 'c', 'd']) add(job)
    await nextTurn()
    expect(log).toEqual([
      'prepare a', 'prepare b', 'prepare c', 'prepare d',
      'deliver a A', 'fail b b broke in prepare', 'fail c c broke in deliver', 'deliver d D'
    ])
  })

  it('leaves a job added while a turn is delivered to the next turn, and does it there', async () => {
    const log: string[] = []
    const work = recordingWork(log)
    const add = batchPerTurn<string, string>({
      ...work,
      deliver: (job, result) => {
        work.deliver(job, result)
        if (job === 'a') add('late')
      }
    })
    add('a')
    add('b')
    await new Promise((resolve) => { setImmediate(resolve) })
    expect(log).toEqual(['prepare a', 'prepare b', 'deliver a A', 'deliver b B'])
    await nextTurn()
    expect(log.slice(4)).toEqual(['prepare late', 'deliver late LATE'])
  })

  it('keeps the jobs of separate turns apart', async () => {
    const log: string[] = []
    const add = batchPerTurn(recordingWork(log))
    add('a')
    await nextTurn()
    add('b')
    await nextTurn()
    expect(log).toEqual(['prepare a', 'deliver a A', 'prepare b', 'deliver b B'])
  })
})
