/** Errors of the financial reports (es). */
export const reportsErrors: Record<string, string> = {
  'report.unbalanced':
    'El estado de situación financiera al {date} no cuadra: activo {assets}, pasivo y patrimonio {liabilitiesAndEquity}. Revise la base de datos.',
  'report.notCashAccount': 'La cuenta «{name}» no es de caja ni de bancos (elemento 10): elija una cuenta de efectivo.',
  // Closing a fiscal year (db/closing/). Codes a trigger raises carry no placeholders.
  'closing.alreadyClosed': 'El año {year} ya está cerrado (cierre del {date}). Para cerrarlo de nuevo, primero reábralo.',
  'closing.yearNotEnded': 'El año {year} termina el {to}: se puede cerrar desde el día siguiente.',
  'closing.earlierYearOpen': 'Primero cierre el año {year}: los años se cierran en orden, del más antiguo al más reciente.',
  'closing.laterYearClosed':
    'Hay un año posterior ya cerrado: los años se cierran del más antiguo al más reciente y se reabren del más reciente al más antiguo.',
  'closing.dateOutsideYear': 'La fecha del cierre ({date}) debe estar dentro del año {year}: del {from} al {to}.',
  'closing.entriesAfterDate':
    'Hay movimientos del año {year} hasta el {last}, después del {date}: el cierre debe tener fecha igual o posterior a su último movimiento.',
  'closing.locked':
    'La fecha {date} está en un periodo bloqueado (hasta el {lockDate}). Mueva la fecha de bloqueo en Configuración, con un motivo, para cerrar o reabrir el año.',
  'closing.notClosed': 'El año {year} no está cerrado: no hay nada que reabrir.',
  'closing.reopenDate': 'La reapertura del año {year} debe tener fecha entre el {from} (el cierre) y el {to} (fin del año).',
  'closing.notFound': 'No existe ese cierre del año {year}.',
  'closing.noResultsAccount': 'El plan de cuentas no tiene la cuenta {name} de resultados acumulados: no se puede pasar el resultado del año.',
  'closing.immutable': 'Un cierre del año no se modifica ni se borra: solo se deshace reabriendo el año.',
  'closing.entryMismatch': 'Un movimiento de cierre solo lo registra el cierre del año, y solo lo deshace su reapertura.',
  'closing.dateNotInYear': 'La fecha de un cierre debe estar dentro del año que cierra.',
  'closing.reopenNotInYear': 'La reapertura de un año debe tener fecha entre la de su cierre y el fin de ese año.',
  'closing.reopenReasonRequired': 'La reapertura de un año debe indicar su motivo.',
  'entry.yearClosed': 'Ese año está cerrado: no se registran movimientos en él. Si necesita corregirlo, reábralo en Configuración con un motivo.',
};
