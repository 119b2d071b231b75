/** Errors of associations, accounts and the journal (es). */
export const ledgerErrors: Record<string, string> = {
  'association.notFound': 'No existe la asociación {id}.',
  'association.nameTaken': 'Ya existe una asociación llamada «{name}» en este archivo.',
  'association.rucTaken': 'El RUC {ruc} ya está registrado para la asociación «{name}».',
  'account.notFound': 'No existe la cuenta {id} en esta asociación.',
  'account.codeTaken': 'Ya existe una cuenta con el código {code}.',
  'account.codeFormat': 'El código de cuenta debe tener solo dígitos y empezar con el código de la cuenta madre ({parentCode}).',
  'account.parentNotFound': 'No existe la cuenta madre {parentCode}.',
  'account.parentUsed': 'La cuenta {parentCode} ya tiene movimientos; no se le pueden agregar subcuentas.',
  'account.parentArchived': 'La cuenta madre {parentCode} está archivada.',
  'account.typeMismatch': 'Una subcuenta debe ser del mismo tipo que su cuenta madre ({parentType}).',
  'account.archived': 'La cuenta «{name}» está archivada; no se pueden registrar movimientos en ella.',
  'account.notPostable': 'La cuenta «{name}» agrupa otras cuentas; registre el movimiento en una de sus subcuentas.',
  'account.hasActiveChildren': 'La cuenta «{name}» tiene subcuentas activas; archívelas primero.',
  'account.otherAssociation': 'La cuenta {id} pertenece a otra asociación.',
  'entry.unbalanced':
    'El asiento no cuadra: los débitos suman {debits} y los créditos {credits} (diferencia {difference}).',
  'entry.tooFewLines': 'Un asiento necesita al menos dos líneas (un débito y un crédito).',
  'entry.zeroAmount': 'La línea {line} tiene monto cero; cada línea debe tener un débito o un crédito.',
  'entry.notFound': 'No existe el asiento {id}.',
  'entry.locked':
    'La fecha {date} está en un periodo cerrado (cerrado hasta el {lockDate}). Use una fecha posterior.',
  'entry.alreadyReversed': 'El asiento {number} ya fue anulado por el asiento {reversalNumber}.',
  'entry.isReversal': 'El asiento {number} es una reversión; no se puede revertir.',
  'entry.reversalBeforeOriginal': 'La reversión no puede tener fecha anterior al asiento original ({date}).',
  'entry.dimensionNotFound': 'La línea {line} hace referencia a un {dimension} que no existe en esta asociación.',
  'entry.immutable': 'Los asientos registrados no se modifican ni se borran; corrija con una reversión.',
  'lock.beforeCurrent':
    'La nueva fecha de cierre ({lockDate}) es anterior a la actual ({currentLockDate}). Para reabrir un periodo indique el motivo.',
  'period.invalid': 'La fecha inicial ({from}) es posterior a la fecha final ({to}).',
  'search.tooShort': 'Escriba al menos {min} letras para buscar.',
};
