/** Errors of the report exports (es). */
export const exportsErrors: Record<string, string> = {
  'export.associationMismatch':
    'La asociación del reporte ({params}) no es la misma que la de la exportación ({export}). Indique una sola asociación.',
};
