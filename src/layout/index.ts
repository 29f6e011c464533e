// The layout stage: label data + a template (templates/*.json) + a density → positioned elements in dots.
export { layoutLabel, type LayoutOptions } from './layout-label.ts'
export { loadTemplates, parseTemplate } from './load-templates.ts'
export type { Template } from './template.ts'
export { ELLIPSIS } from './text-fit.ts'
