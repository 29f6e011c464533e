/** The process streams and environment a CLI command uses, injectable for tests. */
export interface CliIo {
  stdin: AsyncIterable<unknown>
  stdout: { write (chunk: string | Uint8Array): unknown }
  stderr: { write (chunk: string): unknown }
  env: Record<string, string | undefined>
}
