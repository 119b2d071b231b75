/** Errors any operation can answer (es). */
export const commonErrors: Record<string, string> = {
  internal: 'Ocurrió un error interno. No se guardó nada. Si se repite, avise al soporte.',
  'input.invalid': 'El campo «{field}» no es válido: {detail}',
  'input.required': 'Falta el campo «{field}».',
  'input.tooLong': 'El campo «{field}» admite como máximo {max} caracteres.',
  'input.notInteger': 'El campo «{field}» debe ser un número entero.',
  'input.date': 'La fecha del campo «{field}» no es válida. Use el formato aaaa-mm-dd (por ejemplo 2026-03-15).',
  'operation.unknown': 'La operación «{operation}» no existe.',
  'db.newerVersion':
    'Este archivo fue creado con una versión más nueva de Khipu (esquema {fileVersion}; esta versión entiende hasta {supportedVersion}). Actualice Khipu para abrirlo. El archivo no se modificó.',
  'db.notKhipu': 'El archivo «{path}» no es una base de datos de Khipu.',
  'db.busy': 'La base de datos está ocupada por otro programa. Intente de nuevo en unos segundos.',
  'db.migrationFailed': 'No se pudo actualizar la base de datos a la versión {version}. El archivo quedó en la última versión correcta y hay una copia de seguridad en {backup}.',
};
