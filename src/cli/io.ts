import { readFile } from 'node:fs/promises'
import { LabelworksError } from '../errors.ts'
import { invalidUtf8At } from '../request/body-encoding.ts'

/** The process streams and environment a CLI command uses, injectable for tests. */
export interface CliIo {
  stdin: AsyncIterable<unknown>
  /** `isTTY` is true when stdout is a terminal (process.stdout sets it), where binary output is refused. */
  stdout: { write (chunk: string | Uint8Array): unknown, isTTY?: boolean }
  stderr: { write (chunk: string): unknown }
  env: Record<string, string | undefined>
}

/** Bad command-line input: the message says what to change; the CLI exits with 2. */
export class LabelworksCliError extends LabelworksError {
  readonly code = 'CLI_USAGE'
}

/** Why a file could not be read, in words, with the system's code for searching. */
function readFailure (err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : undefined
  if (why !== undefined) return `${why} (${code as string})`
  return code ?? (err instanceof Error ? err.message : String(err))
}

async function readBytes (file: string, io: CliIo): Promise<Buffer> {
  if (file !== '-') {
    try {
      return await readFile(file)
    } catch (err) {
      throw new LabelworksCliError(`cannot read ${file}: ${readFailure(err)}`, { cause: err })
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer))
  return Buffer.concat(chunks)
}

/**
 * The text of a file, or of stdin for `-`. A file in another encoding fails here, naming the byte, rather than
 * reaching a label as U+FFFD and failing as a character the font lacks.
 */
export async function readInputText (file: string, io: CliIo): Promise<string> {
  const bytes = await readBytes(file, io)
  const invalid = invalidUtf8At(bytes)
  if (invalid === undefined) return bytes.toString('utf8')
  throw new LabelworksCliError(`${file === '-' ? 'stdin' : file} is not UTF-8 text: ${invalid}; convert it first, e.g. iconv -f windows-1252 -t utf-8`)
}
