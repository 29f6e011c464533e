// Package weight and dimensions with their units as records spell them. Values keep the record's unit; only
// src/units.ts converts.
import type { Dimensions, Weight } from '../model/label-data.ts'
import type { Rec, RecordReader } from './reader.ts'

// Maps, not object literals: a unit spelled `constructor` must not find Object.prototype's function.
const WEIGHT_UNITS: ReadonlyMap<string, Weight['unit']> = new Map(Object.entries({
  lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
  oz: 'oz', ounce: 'oz', ounces: 'oz',
  kg: 'kg', kgs: 'kg', kilogram: 'kg', kilograms: 'kg', kilogramme: 'kg', kilogrammes: 'kg',
  g: 'g', gr: 'g', gram: 'g', grams: 'g', gramme: 'g', grammes: 'g'
} as const))
const LENGTH_UNITS: ReadonlyMap<string, Dimensions['unit']> = new Map(Object.entries({
  in: 'in', inch: 'in', inches: 'in', '"': 'in',
  cm: 'cm', centimeter: 'cm', centimeters: 'cm', centimetre: 'cm', centimetres: 'cm'
} as const))

/** How one kind of unit is read: its spellings and what its errors say. */
interface UnitKind<U> { units: ReadonlyMap<string, U>, required: string, notOne: string }

const WEIGHT: UnitKind<Weight['unit']> = { units: WEIGHT_UNITS, required: 'weight unit is required: lb, oz, kg or g', notOne: 'is not a weight unit; use lb, oz, kg or g' }
const LENGTH: UnitKind<Dimensions['unit']> = { units: LENGTH_UNITS, required: 'dimension unit is required: in or cm', notOne: 'is not a length unit; use in or cm' }

function unitOf<U> (kind: UnitKind<U>, r: RecordReader, obj: Rec | undefined, key: string, base: string, fallback?: U): U | undefined {
  const text = r.text(obj, key, base)
  if (text === undefined) {
    if (fallback === undefined) r.issue(`${base}.${key}`, 'required', kind.required)
    return fallback
  }
  const unit = kind.units.get(text.toLowerCase())
  if (unit === undefined) r.issue(`${base}.${key}`, 'enum', `"${text}" ${kind.notOne}`)
  return unit
}

/** A weight unit as written (`lbs`, `Ounces`, `g`) → the label unit; issue and undefined when unknown. */
export function weightUnit (r: RecordReader, obj: Rec | undefined, key: string, base: string, fallback?: Weight['unit']): Weight['unit'] | undefined {
  return unitOf(WEIGHT, r, obj, key, base, fallback)
}

/** A length unit as written (`in`, `inches`, `cm`) → the label unit; issue and undefined when unknown. */
export function lengthUnit (r: RecordReader, obj: Rec | undefined, key: string, base: string, fallback?: Dimensions['unit']): Dimensions['unit'] | undefined {
  return unitOf(LENGTH, r, obj, key, base, fallback)
}

/** A positive measurement; 0 counts as "not measured" (several APIs send 0 for unknown). */
export function measure (r: RecordReader, obj: Rec | undefined, key: string, base: string): number | undefined {
  const value = r.number(obj, key, base)
  return value === undefined || value === 0 ? undefined : value
}

/** Length × width × height when all three are there, else undefined. */
export function dimensionsOf (length: number | undefined, width: number | undefined, height: number | undefined, unit: Dimensions['unit'] | undefined): Dimensions | undefined {
  if (length === undefined || width === undefined || height === undefined || unit === undefined) return undefined
  return { length, width, height, unit }
}

/** Sum for several units of an item; rounded to 0.01 so 3 × 0.1 lb prints 0.3, not 0.30000000000000004. */
export function roundWeight (value: number): number {
  return Math.round(value * 100) / 100
}
