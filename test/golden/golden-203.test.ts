// Golden labels at 203 dpi: every case in ZPL and PDF against golden/, scanned, and ZPL/PDF agreement.
import { defineGoldenTests } from './golden-tests.ts'

defineGoldenTests(203)
