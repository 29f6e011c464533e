// What makes a registry entry complete, checked the same way for every registered entry (registry-completeness
// test) and for the worked examples of docs/extending.md: each problem names the entry and the missing piece.
import type { TObject } from '@sinclair/typebox'
import { LABEL_DOCS, BATCH_DOCS } from '../../src/http/labels/label-docs.ts'
import { RENDER_USAGE } from '../../src/cli/render-command.ts'
import type { AnyRegionKind } from '../../src/layout/regions/index.ts'
import type { Label } from '../../src/model/label.ts'
import type { SourceAdapter } from '../../src/records/types.ts'
import type { ElementKind } from '../../src/render/elements/index.ts'
import { mediaTypeOf, type FormatResources, type OutputFormatModule } from '../../src/service/formats/index.ts'

const NAME = /^[a-z][a-z0-9_]*$/
const isFunction = (value: unknown): boolean => typeof value === 'function'

/** The OpenAPI schema of the label route's query option `name`. */
function optionEnum (name: string): unknown[] {
  const schema = LABEL_DOCS.query?.[name]?.schema as { enum?: unknown[] } | undefined
  return schema?.enum ?? []
}

/** Problems of one output format: its own pieces, a real label through them, and every derived list naming it. */
export async function formatProblems (format: OutputFormatModule, resources: FormatResources, label: Label): Promise<string[]> {
  const out: string[] = []
  const say = (problem: string): void => { out.push(`format ${String(format.name)}: ${problem}`) }
  if (!NAME.test(String(format.name))) say('name must be lower-case letters, digits and _')
  if (typeof format.contentType !== 'string' || !/^[\w.+-]+\/[\w.+-]+/.test(format.contentType)) say('contentType must be a media type')
  if (!Array.isArray(format.acceptAliases)) say('acceptAliases must be a list (empty when there are none)')
  if (typeof format.extension !== 'string' || !/^[a-z0-9]+$/.test(format.extension)) say('extension must be letters and digits, no dot')
  if (typeof format.binary !== 'boolean') say('binary must be true or false')
  if (!isFunction(format.renderer)) say('renderer is missing')
  if (format.batcher !== undefined && !isFunction(format.batcher)) say('batcher must be a function or absent')
  if (out.length > 0) return out
  const body = await format.renderer(resources)(label, {})
  if (!Buffer.isBuffer(body) || body.length === 0) say('renderer gave no bytes for a real label')
  if (!optionEnum('format').includes(format.name)) say('missing from the OpenAPI format enum')
  const content = (LABEL_DOCS.responses[200] as { content?: Record<string, unknown> }).content ?? {}
  if (!(mediaTypeOf(format.contentType) in content)) say('its content type is missing from the OpenAPI responses')
  const batchContent = (BATCH_DOCS.responses[200] as { content?: Record<string, unknown> }).content ?? {}
  if ((format.batcher !== undefined) !== (mediaTypeOf(format.contentType) in batchContent)) say('the batch route\'s OpenAPI content disagrees with its batcher')
  if (!RENDER_USAGE.includes(format.name)) say('missing from the CLI usage')
  return out
}

/** Problems of one record source: its own pieces and every derived list naming it. */
export function sourceProblems (adapter: SourceAdapter, unknownShapeMessage: string): string[] {
  const out: string[] = []
  const say = (problem: string): void => { out.push(`source ${String(adapter.source)}: ${problem}`) }
  if (!NAME.test(String(adapter.source))) say('source must be lower-case letters, digits and _')
  if (!Array.isArray(adapter.trackingFields) || adapter.trackingFields.length === 0) say('trackingFields must name at least one field')
  if (!isFunction(adapter.detect)) say('detect is missing')
  if (!isFunction(adapter.read)) say('read is missing')
  if (adapter.placeCode !== undefined && !isFunction(adapter.placeCode)) say('placeCode must be a function or absent')
  if (out.length > 0) return out
  // `auto` asks every source; one that claims an empty record would make every unknown record its own.
  if (adapter.detect({}).match !== 'none') say('detect claims an empty record')
  if (!optionEnum('source').includes(adapter.source)) say('missing from the OpenAPI source enum')
  if (!RENDER_USAGE.includes(adapter.source)) say('missing from the CLI usage')
  if (!unknownShapeMessage.includes(adapter.source)) say('missing from the message of an unrecognised record')
  return out
}

/** Problems of one element kind: a drawer for every renderer and the sizes the label check needs. */
export function elementKindProblems (kind: ElementKind): string[] {
  const out: string[] = []
  const say = (problem: string): void => { out.push(`element kind ${String(kind.kind)}: ${problem}`) }
  if (!NAME.test(String(kind.kind))) say('kind must be lower-case letters, digits and _')
  for (const renderer of ['zpl', 'pdf', 'bitmap'] as const) if (!isFunction(kind[renderer])) say(`no ${renderer} drawer`)
  if (!Array.isArray(kind.wholeDotSizes)) say('wholeDotSizes must be a list (empty when there are none)')
  if (typeof kind.rotates !== 'boolean') say('rotates must be true or false')
  if (kind.check !== undefined && !isFunction(kind.check)) say('check must be a function or absent')
  return out
}

/** Problems of one template region kind: its schema names it, and every stage of layout has its part. */
export function regionKindProblems (kind: AnyRegionKind): string[] {
  const out: string[] = []
  const say = (problem: string): void => { out.push(`region kind ${String(kind.type)}: ${problem}`) }
  const properties = (kind.schema as TObject | undefined)?.properties ?? {}
  if ((properties.type as { const?: unknown } | undefined)?.const !== kind.type) say('schema must have `type: Type.Literal(<its type>)`')
  for (const key of ['x', 'y', 'width', 'height', 'whenBarcodeVertical']) if (!(key in properties)) say(`schema lacks ${key}`)
  for (const part of ['check', 'ink', 'compile', 'resolve', 'place'] as const) if (!isFunction(kind[part])) say(`no ${part}`)
  if (typeof kind.typography !== 'boolean') say('typography must be true or false')
  return out
}
