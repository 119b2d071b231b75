/** Errors of the report exports (en). */
export const exportsErrors: Record<string, string> = {
  'export.associationMismatch':
    'The report’s association ({params}) is not the export’s association ({export}). Give one association only.',
};
