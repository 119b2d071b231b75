/** What checkIntegrity can find, in plain words (es). {count}: how many rows the problem touches. */
export const integrityMessages: Record<string, string> = {
  'integrity.sqlite':
    '{count, plural, one {SQLite encontró un daño} other {SQLite encontró # daños}} en el propio archivo. Guarde una copia y pida ayuda antes de seguir registrando.',
  'integrity.foreignKeys': '{count, plural, one {Un dato apunta} other {# datos apuntan}} a otro que no existe en el archivo.',
  'integrity.unposted':
    '{count, plural, one {Un movimiento quedó a medio registrar} other {# movimientos quedaron a medio registrar}}; no cuenta en los reportes.',
  'integrity.unbalanced': '{count, plural, one {Un movimiento no cuadra} other {# movimientos no cuadran}}: el debe no es igual al haber.',
  'integrity.snapshots':
    '{count, plural, one {Un saldo mensual no coincide} other {# saldos mensuales no coinciden}} con la suma de sus movimientos.',
  'integrity.postingFlag': 'Quedó puesta una marca interna del registro de movimientos: los saldos mensuales podrían cambiarse a mano.',
  'integrity.reversalLinks':
    '{count, plural, one {Una corrección no está enlazada} other {# correcciones no están enlazadas}} con el movimiento que corrigen.',
  'integrity.documentEntry':
    '{count, plural, one {Un documento (recibo, cargo, aporte…) no tiene} other {# documentos (recibos, cargos, aportes…) no tienen}} su registro en la contabilidad.',
  'integrity.voidEntry':
    '{count, plural, one {Un documento anulado no tiene} other {# documentos anulados no tienen}} el registro de su anulación en la contabilidad.',
  'integrity.voidReleases':
    '{count, plural, one {Un pago o saldo a favor de un documento anulado sigue vigente} other {# pagos o saldos a favor de documentos anulados siguen vigentes}}.',
  'integrity.entryNumbering':
    '{count, plural, one {Un año contable tiene} other {# años contables tienen}} saltos en la numeración de sus movimientos.',
  'integrity.documentNumbering':
    '{count, plural, one {Una serie de recibos o devoluciones tiene} other {# series de recibos o devoluciones tienen}} saltos en su numeración.',
  'integrity.settledMarks':
    '{count, plural, one {Un cargo figura} other {# cargos figuran}} como pagado o pendiente sin que sus pagos lo digan.',
  'integrity.creditOverused':
    '{count, plural, one {Un saldo a favor figura usado o devuelto por más de lo que era, o después de anulado} other {# saldos a favor figuran usados o devueltos por más de lo que eran, o después de anulados}}.',
  'integrity.refundUses':
    '{count, plural, one {Una devolución de saldo a favor no coincide} other {# devoluciones de saldo a favor no coinciden}} con los saldos del socio de los que salió.',
  'integrity.productStock':
    '{count, plural, one {El saldo de un producto en el almacén no coincide} other {Los saldos de # productos en el almacén no coinciden}} con la suma de sus entradas y salidas.',
};
