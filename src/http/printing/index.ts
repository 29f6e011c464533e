// Printing over HTTP: the routes plugin and the factory src/server.ts calls.
export { printingRoutes, type PrintingRoutesOptions } from './printing-routes.ts'
export { createPrinting, type CreatePrintingOptions, type Printing, type PrintingLogger } from './create-printing.ts'
