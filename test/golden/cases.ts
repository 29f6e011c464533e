// The golden case table: template × record × format × density. Records are generic JSON fixtures named after
// what they show; every one has a fixed ship_date, and those used with `dashlink` follow its carrier rules.
import { readFileSync } from 'node:fs'
import type { Dpi } from '../../src/units.ts'

/** Output formats the goldens cover (PNG labels are rendered from the ZPL, so they are the ZPL goldens). */
export type GoldenFormat = 'zpl' | 'pdf'

/** One label the suite renders: a record through a template. */
export interface LabelCase {
  /** `<template>-<fixture>`, the stem of every file about this label. */
  name: string
  template: 'standard' | 'dashlink'
  /** Fixture file stem in test/golden/fixtures/. */
  fixture: string
  /** What the case stresses, shown in the report. */
  shows: string
}

/** One golden image: a label case in one format at one density. */
export interface GoldenCase extends LabelCase {
  format: GoldenFormat
  dpi: Dpi
  /** Golden image file name in golden/, e.g. `dashlink-max-length.zpl-203.png`. */
  file: string
}

interface RecordFixture {
  /** Fixture used with the standard template, and with dashlink unless `dashlinkFixture` is given. */
  fixture: string
  /** A variant with what DashLink requires (phone, one item with weight and dimensions). */
  dashlinkFixture?: string
  shows: string
}

const RECORDS: RecordFixture[] = [
  { fixture: 'minimal', dashlinkFixture: 'dashlink-minimal', shows: 'only the required fields (empty optional regions)' },
  { fixture: 'max-length', shows: 'every field at its DashLink maximum: names 25+25, business, street and sub-premise 50, instructions 100, a 35-character tracking code that switches from subset B to C mid-symbol' },
  { fixture: 'apartment', shows: 'street and apartment (sub-premise) lines, delivery instructions' },
  { fixture: 'international-text', shows: 'accents, Polish, Greek and Cyrillic in names, address, references and instructions' },
  { fixture: 'numeric-15-tracking', shows: 'a 15-digit numeric tracking code (subset C)' },
  { fixture: 'alphanumeric-35-tracking', shows: 'a 35-character alphanumeric tracking code, laid along the 6-inch side' },
  ...([
    ['japanese', 'Japanese: kanji and kana in the Japanese font, a Tokyo address'],
    ['chinese', 'Simplified Chinese, a Shanghai address'],
    ['korean', 'Korean Hangul, a Seoul address'],
    ['arabic', 'Arabic: joined letters, right to left, Latin digits inside, a Dubai address'],
    ['hebrew', 'Hebrew right to left with Latin digits, a Tel Aviv address'],
    ['thai', 'Thai: stacked vowel and tone marks, no spaces between words, a Bangkok address'],
    ['hindi', 'Hindi (Devanagari): conjuncts and vowel signs, Devanagari digits'],
    ['vietnamese', 'Vietnamese: stacked accents in the label font'],
    ['latin-arabic', 'Latin and Arabic mixed in one line (bidirectional text)']
  ] as const).map(([script, shows]) => ({ fixture: `script-${script}`, dashlinkFixture: `script-${script}-us`, shows: `${shows}; for dashlink, the same names at a US address` }))
]

const TEMPLATES = ['standard', 'dashlink'] as const

/** Every label case, standard first. */
export const LABEL_CASES: readonly LabelCase[] = TEMPLATES.flatMap((template) => RECORDS.map((r) => {
  const fixture = template === 'dashlink' ? r.dashlinkFixture ?? r.fixture : r.fixture
  return { name: `${template}-${fixture}`, template, fixture, shows: r.shows }
}))

/** Golden file name of a label case in a format at a density. */
export function goldenFile (labelCase: LabelCase, format: GoldenFormat, dpi: Dpi): string {
  return `${labelCase.name}.${format}-${dpi}.png`
}

/** Every golden of one density, ZPL then PDF for each label case. */
export function goldenCases (dpi: Dpi): GoldenCase[] {
  return LABEL_CASES.flatMap((c) => (['zpl', 'pdf'] as const).map((format) => ({ ...c, format, dpi, file: goldenFile(c, format, dpi) })))
}

/** Every golden file name the table produces (what the manifest may hold). */
export function allGoldenFiles (): Set<string> {
  return new Set([...goldenCases(203), ...goldenCases(300)].map((c) => c.file))
}

/** The record of a case, parsed from its fixture file. */
export function loadRecord (labelCase: LabelCase): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${labelCase.fixture}.json`, import.meta.url), 'utf8')) as unknown
}
