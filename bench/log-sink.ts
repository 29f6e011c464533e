// Benchmarks run the app with its logger as `npm start` does (LOG_LEVEL, default info), writing into /dev/null: the
// lines are made and written, as deployed, without a terminal or a pipe to slow them down or fill a screen.
import { openSync, writeSync } from 'node:fs'

const devNull = openSync('/dev/null', 'w')

/** A log stream for buildApp's `logStream`. */
export const devNullLog = { write: (line: string): void => { writeSync(devNull, line) } }
