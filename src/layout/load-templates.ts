// Start-up loading of templates/*.json: every file is parsed, checked against the schema and the layout rules
// and compiled; bad files stop start-up with one error naming each file, JSON path and rule (all files, so one
// restart shows every problem).
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import { InvalidTemplateError, type FieldIssue } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import { SUPPORTED_DPI } from '../units.ts'
import { resolveTemplate } from './resolve.ts'
import { compileTemplate, type Template } from './template.ts'
import { checkTemplateRules } from './template-rules.ts'
import { regionKindOf, REGION_TYPES } from './regions/index.ts'
import { TemplateShellSchema, type TemplateFile } from './template-schema.ts'

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/

/** `/regions/3/fontSize` → `regions[3].fontSize`. */
function jsonPath (pointer: string, prefix = ''): string {
  let out = prefix
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
    out += /^\d+$/.test(key) ? `[${key}]` : (out === '' ? key : `.${key}`)
  }
  return out === '' ? '(root)' : out
}

function schemaIssues (schema: TSchema, value: unknown, prefix = ''): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const e of Value.Errors(schema, value)) {
    issues.push({ path: jsonPath(e.path, prefix), rule: 'schema', message: e.message })
    if (issues.length >= 20) break
  }
  return issues
}

/** Parses and checks one template file's text; returns the compiled template or throws InvalidTemplateError. */
export function parseTemplate (name: string, file: string, json: string): Template {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (err) {
    throw new InvalidTemplateError(file, [{ path: '(root)', rule: 'json', message: `is not valid JSON: ${(err as Error).message}` }], err)
  }
  let issues = schemaIssues(TemplateShellSchema, raw)
  if (issues.length === 0) {
    (raw as { regions: Array<{ type: string }> }).regions.forEach((region, i) => {
      const kind = regionKindOf(region.type)
      if (kind === undefined) {
        issues.push({ path: `regions[${i}].type`, rule: 'schema', message: `must be one of ${REGION_TYPES.join(', ')}` })
      } else issues.push(...schemaIssues(kind.schema, region, `regions[${i}]`))
    })
  }
  if (issues.length > 0) throw new InvalidTemplateError(file, issues)
  const spec = raw as TemplateFile
  issues = checkTemplateRules(spec)
  if (issues.length > 0) throw new InvalidTemplateError(file, issues)
  const compiled = compileTemplate(name, file, spec)
  if (Array.isArray(compiled)) throw new InvalidTemplateError(file, compiled)
  return compiled
}

/**
 * Loads every `*.json` in `dir` as a template named after its file. With `font`, also lays out each template
 * at every density now, so problems that need the font (text it cannot print, a region too short for the
 * font's real height) stop start-up instead of the first request.
 */
export function loadTemplates (dir: string, font?: LabelFont): Map<string, Template> {
  let files: string[]
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  } catch (err) {
    throw new InvalidTemplateError(dir, [{ path: '(dir)', rule: 'read', message: 'the templates directory cannot be read' }], err)
  }
  if (files.length === 0) {
    throw new InvalidTemplateError(dir, [{ path: '(dir)', rule: 'empty', message: 'holds no *.json templates' }])
  }
  const templates = new Map<string, Template>()
  const invalid: InvalidTemplateError[] = []
  for (const f of files) {
    const name = f.slice(0, -'.json'.length)
    try {
      templates.set(name, loadTemplateFile(name, path.join(dir, f), font))
    } catch (err) {
      if (!(err instanceof InvalidTemplateError)) throw err
      invalid.push(err)
    }
  }
  if (invalid.length === 1) throw invalid[0] as InvalidTemplateError
  if (invalid.length > 1) throw InvalidTemplateError.several(dir, invalid)
  return templates
}

function loadTemplateFile (name: string, file: string, font: LabelFont | undefined): Template {
  if (!TEMPLATE_NAME.test(name)) {
    throw new InvalidTemplateError(file, [{ path: '(file name)', rule: 'file_name', message: 'template file names are lower-case letters, digits, "-" and "_", then .json' }])
  }
  let json: string
  try {
    json = readFileSync(file, 'utf8')
  } catch (err) {
    throw new InvalidTemplateError(file, [{ path: '(file)', rule: 'read', message: 'cannot be read' }], err)
  }
  const template = parseTemplate(name, file, json)
  if (font !== undefined) for (const dpi of SUPPORTED_DPI) resolveTemplate(template, font, dpi)
  return template
}
