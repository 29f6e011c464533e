import { describe, expect, it } from 'vitest'
import { MalformedReplyError, parseHostIdentification, parseHostStatus, readFrames } from '../../src/printing/host-status.ts'

// A ~HS answer as a ZD-series printer sends it: paper out and paused, 1,225-dot labels, 100 labels left in the batch.
const PAPER_OUT_PAUSED = '\x02030,1,1,1225,002,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,1,2,6,0,00000100,1,003\x03\r\n\x021234,0\x03\r\n'

describe('~HS and ~HI', () => {
  it('reads the three framed strings and their fields', () => {
    const { frames, used } = readFrames(Buffer.from(PAPER_OUT_PAUSED, 'latin1'))
    expect(frames).toHaveLength(3)
    expect(used).toBe(PAPER_OUT_PAUSED.length - 2)
    expect(parseHostStatus(frames)).toEqual({
      paperOut: true, paused: true, headUp: false, ribbonOut: false, bufferFull: false, underTemperature: false, overTemperature: false,
      corruptRam: false, partialFormat: false, labelLengthDots: 1225, formatsInBuffer: 2, labelsRemaining: 100, graphicsStored: 3,
      faults: ['paper out', 'paused']
    })
  })

  it('names head up, ribbon out, buffer full and over temperature as faults; a clear printer has none', () => {
    const s1 = '030,0,0,1218,000,1,0,0,000,0,0,1'
    const s2 = '001,0,1,1,0,2,6,0,00000000,1,000'
    expect(parseHostStatus([s1, s2, '1234,0']).faults).toEqual(['head up', 'ribbon out', 'buffer full', 'head over temperature'])
    expect(parseHostStatus(['030,0,0,1218,000,0,0,0,000,0,0,0', '001,0,0,0,0,2,6,0,00000000,1,000', '1234,0']).faults).toEqual([])
    expect(parseHostStatus(['030,0,0,1218,001,0,0,1,000,0,0,0', '001,0,0,0,0,2,6,0,00000000,1,000', '1234,0']).faults).toEqual(['partial format in buffer'])
  })

  it('waits for complete frames across chunks and rejects short strings', () => {
    expect(readFrames(Buffer.from('\x02030,1,1', 'latin1')).frames).toEqual([])
    expect(() => parseHostStatus(['030,1', '001,0,0,0,0,2,6,0,00000000,1,000', '1234,0'])).toThrow(MalformedReplyError)
    expect(() => parseHostStatus(['030,0,0,1218,000,0,0,0,000,0,0,0'])).toThrow(/string 2 has no fields/)
  })

  it('maps the ~HI density to 203 or 300 dpi', () => {
    expect(parseHostIdentification('ZD421,V84.20.21Z,12,8176KB')).toEqual({ model: 'ZD421', firmware: 'V84.20.21Z', dpmm: 12, dpi: 300, memoryKb: 8176 })
    expect(parseHostIdentification('ZT410,V75.19.15Z,8,4096KB').dpi).toBe(203)
    expect(parseHostIdentification('ZT610,V1,24,4096KB').dpi).toBeUndefined()
    expect(() => parseHostIdentification('ZD421')).toThrow(MalformedReplyError)
  })
})
