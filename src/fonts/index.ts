export { loadLabelFont, createLabelFont, isPlainTrueType, LABEL_FONT_ZPL_PATH } from './label-font.ts'
export type { LabelFont } from './label-font.ts'
