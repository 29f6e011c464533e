// Zebra host queries. `~HS` answers three <STX>…<ETX><CR><LF> strings of comma-separated fields (ZPL II manual,
// "Host Status Return"); `~HI` answers one string whose third field is the density in dots per millimetre.
import { dpmmOf, SUPPORTED_DPI, type Dpi } from '../units.ts'

export const STX = 0x02
export const ETX = 0x03

/** The `~HS` fields the queue acts on or reports. */
export interface HostStatus {
  paperOut: boolean
  paused: boolean
  headUp: boolean
  ribbonOut: boolean
  bufferFull: boolean
  underTemperature: boolean
  overTemperature: boolean
  corruptRam: boolean
  partialFormat: boolean
  labelLengthDots: number
  formatsInBuffer: number
  labelsRemaining: number
  graphicsStored: number
  /** Names of the conditions that stop printing; empty when the printer can print. */
  faults: string[]
}

/** What `~HI` tells about the printer. */
export interface HostIdentification {
  model: string
  firmware: string
  dpmm: number
  /** 203 or 300 when the density is one we lay out for. */
  dpi: Dpi | undefined
  memoryKb: number | undefined
}

/** A reply that is not framed or has too few fields. */
export class MalformedReplyError extends Error {}

/** Complete <STX>…<ETX> frames at the start of `buffer`, and how many bytes they used. */
export function readFrames (buffer: Buffer): { frames: string[], used: number } {
  const frames: string[] = []
  let pos = 0
  for (;;) {
    const start = buffer.indexOf(STX, pos)
    if (start < 0) break
    const end = buffer.indexOf(ETX, start + 1)
    if (end < 0) break
    frames.push(buffer.subarray(start + 1, end).toString('latin1'))
    pos = end + 1
  }
  return { frames, used: pos }
}

/** The comma-separated fields of one answer string (`which`, e.g. "~HS string 1"); at least `min` of them. */
function fields (frame: string | undefined, min: number, which: string): string[] {
  const parts = (frame ?? '').split(',').map((p) => p.trim())
  if (frame === undefined || parts.length < min) throw new MalformedReplyError(`${which} has ${frame === undefined ? 'no' : parts.length} fields, expected ${min}: "${frame ?? ''}"`)
  return parts
}

function num (value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10)
  return Number.isFinite(n) ? n : 0
}

const flag = (value: string | undefined): boolean => value === '1'

/** Parses the three `~HS` strings (without framing). */
export function parseHostStatus (frames: string[]): HostStatus {
  // String 1: aaa,b,c,dddd,eee,f,g,h,iii,j,k,l — interface, paper out, pause, label length, formats in buffer,
  // buffer full, diagnostic mode, partial format, unused, corrupt RAM, under temperature, over temperature.
  const s1 = fields(frames[0], 12, '~HS string 1')
  // String 2: mmm,n,o,p,q,r,s,t,uuuuuuuu,v,www — function settings, unused, head up, ribbon out, thermal transfer,
  // print mode, print width mode, label waiting, labels remaining, format while printing, graphics stored.
  const s2 = fields(frames[1], 11, '~HS string 2')
  // String 3: xxxx,y — password and static RAM; required for the framing only.
  fields(frames[2], 1, '~HS string 3')
  const status: HostStatus = {
    paperOut: flag(s1[1]),
    paused: flag(s1[2]),
    labelLengthDots: num(s1[3]),
    formatsInBuffer: num(s1[4]),
    bufferFull: flag(s1[5]),
    partialFormat: flag(s1[7]),
    corruptRam: flag(s1[9]),
    underTemperature: flag(s1[10]),
    overTemperature: flag(s1[11]),
    headUp: flag(s2[2]),
    ribbonOut: flag(s2[3]),
    labelsRemaining: num(s2[8]),
    graphicsStored: num(s2[10]),
    faults: []
  }
  const faults: [boolean, string][] = [
    [status.paperOut, 'paper out'], [status.paused, 'paused'], [status.headUp, 'head up'], [status.ribbonOut, 'ribbon out'],
    [status.bufferFull, 'buffer full'], [status.overTemperature, 'head over temperature'], [status.corruptRam, 'corrupt RAM'],
    // A format cut off earlier (a dropped connection) would swallow the next label into it: wait for an operator.
    [status.partialFormat, 'partial format in buffer']
  ]
  status.faults = faults.filter(([on]) => on).map(([, name]) => name)
  return status
}

/** Parses the `~HI` string: model, firmware, dots per mm, memory, options. */
export function parseHostIdentification (frame: string | undefined): HostIdentification {
  const parts = fields(frame, 3, '~HI reply')
  const dpmm = num(parts[2])
  const dpi = SUPPORTED_DPI.find((d) => dpmmOf(d) === dpmm)
  const memory = /^(\d+)\s*KB$/i.exec(parts[3] ?? '')
  return { model: parts[0] ?? '', firmware: parts[1] ?? '', dpmm, dpi, memoryKb: memory === null ? undefined : num(memory[1]) }
}
