import { describe, expect, it } from 'vitest'
import { UnknownTemplateError, ValidationError } from '../../../src/errors.ts'
import { failedHeader, failureOf, noLabelsError } from '../../../src/http/labels/batch-failures.ts'

const logged: unknown[] = []
const request = { id: 'req-9', log: { error: (obj: unknown) => { logged.push(obj) } } } as unknown as Parameters<typeof failureOf>[2]

describe('batch failures', () => {
  it('reports a service error as it is, and an unexpected one by request and record with its details only in the log', () => {
    const invalid = new ValidationError([{ path: 'record.recipient.name', rule: 'required', message: 'is required' }])
    expect(failureOf(2, invalid, request)).toEqual({ index: 2, code: 'VALIDATION_FAILED', message: invalid.message, issues: invalid.issues })
    const crash = failureOf(5, new Error('secret detail'), request)
    expect(crash).toEqual({ index: 5, code: 'INTERNAL', message: 'internal error; see the service log for request req-9, record 5', issues: [] })
    expect(logged).toHaveLength(1)
    expect(JSON.stringify(crash)).not.toContain('secret')
  })

  it('roots record paths at each record when none made a label, naming a shared option once', () => {
    const failed = [
      { index: 0, code: 'VALIDATION_FAILED', message: 'm', issues: [{ path: 'record.recipient.name', rule: 'required', message: 'is required' }, { path: 'template', rule: 'x', message: 'y' }] },
      { index: 3, code: 'RECORD_SHAPE_UNKNOWN', message: 'no shape', issues: [{ path: 'record', rule: 'source_generic', message: 'not generic' }, { path: 'template', rule: 'x', message: 'y' }] },
      { index: 4, code: 'INTERNAL', message: 'internal', issues: [] }
    ]
    const err = noLabelsError(failed, new Error('first'))
    expect(err.code).toBe('BATCH_NO_LABELS')
    expect(err.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['records.0.recipient.name required', 'template x', 'records.3 source_generic', 'records.4 internal'])
    expect(err.message).toBe('none of the 3 records made a label; record 0: m')
  })

  it('says a batch of one record made no label without counting it', () => {
    const failed = [{ index: 0, code: 'VALIDATION_FAILED', message: 'record.recipient.name: is required', issues: [] }]
    expect(noLabelsError(failed, new Error('first')).message).toBe('the one record made no label; record 0: record.recipient.name: is required')
  })

  it('answers with the request’s own error when every record failed on it', () => {
    const template = new UnknownTemplateError('fancy', ['standard'])
    const failed = [0, 1].map((index) => ({ index, code: template.code, message: template.message, issues: template.issues }))
    expect(noLabelsError(failed, template)).toBe(template)
  })

  it('keeps the header list ASCII and under its budget, saying when it was cut', () => {
    const many = Array.from({ length: 400 }, (_, index) => ({ index, code: 'VALIDATION_FAILED', message: `Ωμέγα ${'x'.repeat(20)}`, issues: [] }))
    const header = failedHeader(many)
    expect(header.truncated).toBe(true)
    expect(header.value.length).toBeLessThanOrEqual(8 * 1024)
    expect(header.value).toMatch(/^[\x20-\x7e]*$/)
    expect(JSON.parse(header.value)[0]).toEqual({ index: 0, code: 'VALIDATION_FAILED', message: `Ωμέγα ${'x'.repeat(20)}` })
  })
})
