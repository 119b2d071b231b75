/** Errors any operation can answer (es). */
export const commonErrors: Record<string, string> = {
  internal: 'Ocurrió un error interno. No se guardó nada. Si se repite, avise al soporte.',
  'input.invalid': 'El campo «{field}» no es válido.',
  'input.notAnObject': 'Los datos de la operación no son válidos: deben ser un objeto JSON con sus campos.',
  'input.tooSmall': 'El campo «{field}» debe ser como mínimo {limit}.',
  'input.tooBig': 'El campo «{field}» debe ser como máximo {limit}.',
  'input.required': 'Falta el campo «{field}».',
  'input.tooLong': 'El campo «{field}» admite como máximo {max} caracteres.',
  'input.notInteger': 'El campo «{field}» debe ser un número entero.',
  'input.date': 'La fecha del campo «{field}» no es válida. Use el formato aaaa-mm-dd (por ejemplo 2026-03-15).',
  'operation.unknown': 'La operación «{operation}» no existe.',
  // Typed text (shared/text.ts)
  'text.control':
    'El campo «{field}» tiene un carácter de control (una tabulación, un salto de línea u otro). Escríbalo en una sola línea.',
  'text.surrogate': 'El campo «{field}» tiene un carácter dañado (no es texto Unicode válido). Vuelva a escribirlo.',
  'text.invisible': 'El campo «{field}» solo tiene caracteres invisibles. Escriba un texto que se vea.',
  // Typed dates dd/mm/aaaa (shared/dates.ts)
  'date.format': 'La fecha «{value}» no se entiende. Escríbala como día/mes/año, por ejemplo 15/03/2026.',
  'date.yearZero': 'El año 0 no existe. Escriba el año con cuatro cifras, por ejemplo 15/03/2026.',
  'date.monthMissing': 'El mes {month} no existe: los meses van del 1 al 12.',
  'date.dayZero': 'El día 0 no existe: los días empiezan en 1.',
  'date.dayMissing': '{monthEs} de {year} no tiene {day} días: tiene {days}.',
  'db.newerVersion':
    'Este archivo fue creado con una versión más nueva de Khipu (esquema {fileVersion}; esta versión entiende hasta {supportedVersion}). Actualice Khipu para abrirlo. El archivo no se modificó.',
  'db.notKhipu': 'El archivo «{path}» no es una base de datos de Khipu.',
  'db.busy': 'La base de datos está ocupada por otro programa. Intente de nuevo en unos segundos.',
  'db.migrationFailed': 'No se pudo actualizar la base de datos a la versión {version}. El archivo quedó en la última versión correcta y hay una copia de seguridad en {backup}.',
  // Browser mode (HTTP transport)
  'http.badRequest': 'Solicitud HTTP mal formada: Khipu no la entiende y no hizo nada.',
  'http.headersTooLarge': 'Solicitud HTTP rechazada: sus encabezados son demasiado grandes.',
  'http.unauthorized': 'Falta el token de acceso o no es válido. Abra Khipu con la dirección que muestra `npm run serve` (incluye ?token=…).',
  'http.forbiddenHost': 'Solicitud rechazada: Khipu solo atiende en este equipo (127.0.0.1 o localhost).',
  'http.forbiddenOrigin': 'Solicitud rechazada: viene de otra página web, no de Khipu.',
  'http.badJson': 'El cuerpo de la solicitud no es JSON válido.',
  'http.tooLarge': 'La solicitud es demasiado grande (máximo 8 MiB).',
  'http.unsupportedMediaType': 'La solicitud debe enviarse como JSON (Content-Type: application/json).',
  'http.methodNotAllowed': 'Método HTTP no permitido para esta dirección.',
  'http.unreachable': 'No se pudo conectar con Khipu. ¿Sigue abierto `npm run serve`?',
  // Printing (desktop shell)
  'print.invalidRequest': 'La solicitud de impresión no es válida.',
  'print.timeout': 'El documento no terminó de prepararse para imprimir. Intente de nuevo.',
  'print.failed': 'No se pudo imprimir ni guardar el PDF. Revise la impresora o la carpeta elegida e intente de nuevo.',
};
