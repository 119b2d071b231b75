/** Error messages for peru (es). Keys are error codes; {name} is filled from the error's params. */
export const peruErrors: Record<string, string> = {
  'peru.ruc.required': 'Escriba el RUC: 11 dígitos, por ejemplo 20131312955.',
  'peru.ruc.format':
    'El RUC debe tener 11 dígitos, sin letras, espacios ni guiones; «{value}» no los tiene. Cópielo tal como figura en la ficha RUC.',
  'peru.ruc.prefix':
    'El RUC «{value}» no es válido: debe empezar con 10, 15, 16, 17 o 20 (el de una asociación empieza con 20).',
  'peru.ruc.checkDigit':
    'El dígito verificador del RUC «{value}» no es correcto: revise que los 11 dígitos estén bien copiados.',
  'peru.dni.required': 'Escriba el DNI: 8 dígitos, por ejemplo 01234567.',
  'peru.dni.format':
    'El DNI debe tener exactamente 8 dígitos, sin letras ni espacios; «{value}» no los tiene. Si empieza con 0, escriba también el 0.',
  'peru.ubigeo.required': 'Indique el ubigeo del distrito: 6 dígitos, por ejemplo 030601.',
  'peru.ubigeo.format':
    'El ubigeo «{value}» no es válido: debe tener 6 dígitos (departamento, provincia y distrito), por ejemplo 030601.',
  'peru.ubigeo.unknown':
    'El ubigeo «{value}» no corresponde a ningún distrito del Perú. Búsquelo por el nombre del distrito.',
  'penalty.termInvalid':
    'El plazo de entrega debe ser un número entero de días, de 1 o más; «{value}» no lo es.',
  'penalty.daysLateInvalid': 'Los días de atraso deben ser un número entero, 0 o más; «{value}» no lo es.',
  'penalty.amountNegative': 'Los montos para calcular la penalidad no pueden ser negativos.',
};
