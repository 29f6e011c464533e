import { isUtf8 } from 'node:buffer'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeBodyText, decompressBody, firstInvalidUtf8 } from '../../src/request/body-encoding.ts'
import type { LabelworksError } from '../../src/errors.ts'

function thrown (fn: () => unknown): LabelworksError {
  try {
    fn()
  } catch (err) {
    return err as LabelworksError
  }
  throw new Error('did not throw')
}

describe('firstInvalidUtf8', () => {
  it('finds the first byte that is not well-formed UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('Renée Zażółć Ωμέγα 😀', 'utf8'))).toBe(-1)
    expect(firstInvalidUtf8(Buffer.from('Renée', 'latin1'))).toBe(3)
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1) // overlong "NUL"
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xed, 0xa0, 0x80]))).toBe(1) // a UTF-16 surrogate
    expect(firstInvalidUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0) // past U+10FFFF
    expect(firstInvalidUtf8(Buffer.from([0x41, 0x42, 0xe2, 0x82]))).toBe(2) // cut short at the end
    expect(firstInvalidUtf8(Buffer.from([0xe2, 0x41, 0x82]))).toBe(0) // a continuation byte missing
  })

  it('agrees with Node on 3,000 random byte strings (seeded)', () => {
    let seed = 7
    const random = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff }
    const valid = Buffer.from('aé€😀', 'utf8')
    for (let n = 0; n < 3000; n++) {
      const bytes = Buffer.alloc(1 + Math.floor(random() * 12))
      // Mostly pieces of valid text with a few random bytes, so both answers come up often.
      for (let i = 0; i < bytes.length; i++) bytes[i] = random() < 0.8 ? valid[Math.floor(random() * valid.length)] as number : Math.floor(random() * 256)
      expect(firstInvalidUtf8(bytes) === -1, bytes.toString('hex')).toBe(isUtf8(bytes))
    }
  })
})

describe('decodeBodyText', () => {
  const latin1 = Buffer.from('{"name":"Renée Müller"}', 'latin1')

  it('reads UTF-8 when the Content-Type names no charset', () => {
    expect(decodeBodyText(Buffer.from('{"name":"Renée"}'), 'application/json')).toBe('{"name":"Renée"}')
    expect(decodeBodyText(Buffer.from('{}'), undefined)).toBe('{}')
  })

  it('reads the charset the Content-Type names, in any case and quoted', () => {
    expect(decodeBodyText(latin1, 'application/json; charset=windows-1252')).toBe('{"name":"Renée Müller"}')
    expect(decodeBodyText(latin1, 'application/json;charset="ISO-8859-1"')).toBe('{"name":"Renée Müller"}')
    expect(decodeBodyText(Buffer.from('{"a":"Ω"}', 'utf16le'), 'application/json; charset=utf-16le')).toBe('{"a":"Ω"}')
  })

  it('refuses bytes that are not UTF-8, naming the byte and its offset and how to say what they are', () => {
    const err = thrown(() => decodeBodyText(latin1, 'application/json'))
    expect(err.code).toBe('INVALID_BODY_ENCODING')
    expect(err.message).toContain('byte 0xE9 at offset 12')
    expect(err.message).toContain('charset=windows-1252')
    expect(err.issues).toEqual([expect.objectContaining({ path: 'header.content-type', rule: 'charset' })])
  })

  it('refuses a charset no decoder knows as an unsupported media type', () => {
    const err = thrown(() => decodeBodyText(latin1, 'application/json; charset=klingon'))
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(err.issues[0]?.path).toBe('header.content-type')
  })
})

describe('decompressBody', () => {
  const json = Buffer.from(JSON.stringify({ records: Array.from({ length: 50 }, (_, i) => ({ tracking_code: `LWX${i}` })) }))

  it('undoes gzip, deflate and br, and passes identity and no encoding through', () => {
    expect(decompressBody(gzipSync(json), 'gzip', 1e6)).toEqual(json)
    expect(decompressBody(gzipSync(json), ' X-GZIP ', 1e6)).toEqual(json)
    expect(decompressBody(deflateSync(json), 'deflate', 1e6)).toEqual(json)
    expect(decompressBody(brotliCompressSync(json), 'br', 1e6)).toEqual(json)
    expect(decompressBody(json, 'identity', 1e6)).toBe(json)
    expect(decompressBody(json, undefined, 1e6)).toBe(json)
  })

  it('refuses an encoding it does not know, data that is not what the header says, and output past the limit', () => {
    expect(thrown(() => decompressBody(json, 'compress', 1e6))).toMatchObject({ code: 'UNSUPPORTED_CONTENT_ENCODING', issues: [{ path: 'header.content-encoding' }] })
    expect(thrown(() => decompressBody(json, 'gzip', 1e6))).toMatchObject({ code: 'INVALID_BODY_ENCODING', issues: [{ path: 'header.content-encoding' }] })
    // 1 MB of zeros packs into about 1 KB: a small body must not become an unbounded one.
    const bomb = gzipSync(Buffer.alloc(1_000_000))
    expect(bomb.length).toBeLessThan(2000)
    expect(thrown(() => decompressBody(bomb, 'gzip', 100_000))).toMatchObject({ code: 'BODY_TOO_LARGE', issues: [{ path: 'body', rule: 'max_bytes' }] })
  })
})
