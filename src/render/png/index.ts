// Local ZPL → PNG rendering (zebrash on worker threads); preview-only fix-ups live in zebrash-fixups.ts.
export { createZplRasterizer, type RasterOptions, type RasterizerStats, type ZplRasterizer, type ZplRasterizerOptions } from './rasterizer.ts'
export { RendererUnavailableError, RenderFailedError, RenderTimeoutError } from './errors.ts'
export { DPMM_VALUES, ROTATIONS, MAX_LABEL_INCHES, isDpmm, labelDots, type Dpmm, type Rotation } from './label-size.ts'
export { persistentPrefix, splitZplLabels, standaloneLabel, type SplitZpl, type ZplLabel } from './zpl-labels.ts'
export { zebrashCompatible, upperCaseCommands } from './zebrash-fixups.ts'
