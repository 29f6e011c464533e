// One raw TCP connection to a printer's port 9100, with a timeout on every step: connect, each query's answer,
// each write's flush, and the close. Every path destroys the socket; every promise settles once.
import dns from 'node:dns'
import net from 'node:net'
import { readFrames } from './host-status.ts'

/** Which step of talking to a printer failed; `connect` failures never reached the printer. */
export type ConnectionStep = 'connect' | 'query' | 'write' | 'close'

/** A printer connection failure, with the step and whether the step timed out. */
export class PrinterConnectionError extends Error {
  constructor (readonly step: ConnectionStep, readonly timedOut: boolean, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause })
  }
}

/** An open connection; call `close()` or `destroy()` exactly when done. */
export interface PrinterConnection {
  /** Sends a host query (`~HS`, `~HI`) and resolves with `frames` <STX>…<ETX> answers. */
  query (command: string, frames: number, timeoutMs: number): Promise<string[]>
  /** Writes bytes; resolves when the OS has taken all of them. */
  write (bytes: Buffer, timeoutMs: number): Promise<void>
  /** Half-closes and waits for the printer to close its side (so it has read everything). */
  close (timeoutMs: number): Promise<void>
  destroy (): void
}

function describe (err: unknown): string {
  const e = err as NodeJS.ErrnoException
  return e.code ?? e.message ?? String(err)
}

/** Says why a printer may not be at a resolved address (see src/printing/printer-host.ts), or undefined. */
export type AddressCheck = (address: string) => string | undefined

/**
 * dns.lookup, refusing any address `check` refuses: a host name is resolved again at every connection, and what it
 * resolves to must be an address a printer may have.
 */
function checkedLookup (check: AddressCheck): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err !== null) { callback(err, '', 0); return }
      const refusal = addresses.map((a) => check(a.address)).find((r) => r !== undefined)
      if (refusal !== undefined) { callback(new Error(`${hostname} resolves to a refused address: ${refusal}`), '', 0); return }
      if (options.all === true) (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, addresses)
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family ?? 4)
    })
  }
}

/** Connects with a timeout; the timer is cleared on both `connect` and `error`. */
export function openConnection (host: string, port: number, connectTimeoutMs: number, check?: AddressCheck): Promise<PrinterConnection> {
  return new Promise((resolve, reject) => {
    const refusal = check !== undefined && net.isIP(host) !== 0 ? check(host) : undefined
    if (refusal !== undefined) { reject(new PrinterConnectionError('connect', false, `connect to ${host}:${port} refused: ${refusal}`)); return }
    const socket = net.connect({ host, port, ...(check === undefined ? {} : { lookup: checkedLookup(check) }) })
    const fail = (err: PrinterConnectionError): void => { clearTimeout(timer); socket.destroy(); reject(err) }
    const timer = setTimeout(() => fail(new PrinterConnectionError('connect', true, `connect to ${host}:${port} timed out after ${connectTimeoutMs} ms`)), connectTimeoutMs)
    socket.once('error', (err) => fail(new PrinterConnectionError('connect', false, `connect to ${host}:${port} failed: ${describe(err)}`, err)))
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      socket.setNoDelay(true)
      resolve(wrap(socket, `${host}:${port}`))
    })
  })
}

function wrap (socket: net.Socket, where: string): PrinterConnection {
  let inbox = Buffer.alloc(0)
  let broken: Error | undefined
  let peerEnded = false
  let onChange: (() => void) | undefined
  socket.on('data', (chunk: Buffer) => { inbox = Buffer.concat([inbox, chunk]); onChange?.() })
  socket.on('end', () => { peerEnded = true; onChange?.() })
  socket.on('error', (err) => { broken = err; onChange?.() })
  socket.on('close', () => { broken ??= new Error(peerEnded ? 'connection closed by the printer' : 'connection reset'); onChange?.() })

  // Waits until `done()` is true, the socket breaks, or the timer fires.
  const waitUntil = (step: ConnectionStep, timeoutMs: number, what: string, done: () => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const finish = (err?: PrinterConnectionError): void => {
        clearTimeout(timer)
        onChange = undefined
        if (err === undefined) resolve()
        else { socket.destroy(); reject(err) }
      }
      const timer = setTimeout(() => finish(new PrinterConnectionError(step, true, `${where}: ${what} timed out after ${timeoutMs} ms`)), timeoutMs)
      onChange = () => {
        if (done()) finish()
        else if (broken !== undefined) finish(new PrinterConnectionError(step, false, `${where}: ${what} failed: ${describe(broken)}`, broken))
      }
      onChange()
    })

  return {
    async query (command, frames, timeoutMs) {
      inbox = Buffer.alloc(0)
      socket.write(command)
      let answer: string[] = []
      await waitUntil('query', timeoutMs, `${command} answer`, () => {
        const read = readFrames(inbox)
        answer = read.frames
        return answer.length >= frames
      })
      inbox = Buffer.alloc(0)
      return answer.slice(0, frames)
    },
    async write (bytes, timeoutMs) {
      let flushed = false
      let writeError: Error | undefined
      socket.write(bytes, (err) => { flushed = err == null; writeError = err ?? undefined; onChange?.() })
      await waitUntil('write', timeoutMs, `writing ${bytes.length} bytes`, () => {
        if (writeError !== undefined) broken ??= writeError
        return flushed
      })
    },
    async close (timeoutMs) {
      // Success is the printer's own FIN after ours: it read everything. A reset means bytes were thrown away.
      socket.end()
      try {
        await waitUntil('close', timeoutMs, 'closing', () => peerEnded)
      } finally {
        socket.destroy()
      }
    },
    destroy () { socket.destroy() }
  }
}
