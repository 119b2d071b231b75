/** Error messages for money (es). Keys are error codes; {name} is filled from the error's params. */
export const moneyErrors: Record<string, string> = {
  'money.required': 'Escriba un monto, por ejemplo 1,234.50.',
  'money.invalid': 'El monto «{value}» no es válido. Escríbalo como 1,234.50.',
  'money.tooManyDecimals':
    'El monto «{value}» tiene más de dos decimales. Escriba los céntimos con dos cifras, como 1,234.50.',
  'money.outOfRange': 'El monto «{value}» es demasiado grande para registrarlo.',
  'money.lineTooLarge': 'El monto del campo «{field}» pasa del máximo que Khipu registra: {limit} por monto.',
  'money.documentTooLarge': 'El total del documento ({total}) pasa del máximo que Khipu registra: {limit} por documento.',
  'money.europeanSeparators':
    'El monto «{value}» usa punto para miles y coma para decimales. En el Perú se escribe 1,234.50 (o 1234,50 sin separador de miles).',
  'money.notCentimos': 'El monto «{value}» no es una cantidad exacta de céntimos.',
  'money.notInteger': 'El valor «{value}» debe ser un número entero.',
  'money.divisionByZero': 'No se puede dividir un monto entre cero.',
  'money.noWeights': 'Indique al menos una parte para repartir el monto.',
  'money.zeroWeights': 'No se puede repartir el monto: todas las partes son cero.',
  'money.invalidWeight': 'La parte «{value}» no es válida: cada parte debe ser un número entero, cero o mayor.',
  'money.invalidParts': 'No se puede repartir un monto en «{value}» partes. Indique un número entero, 1 o mayor.',
  'money.negativeInWords': 'El monto «{value}» es negativo y no se puede escribir en letras en un comprobante.',
};
