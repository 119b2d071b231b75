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
  'integrity.purchaseFigures':
    '{count, plural, one {Una compra no cuadra} other {# compras no cuadran}} por dentro: sus líneas no suman el subtotal, el precio por la cantidad no da el importe de una línea, o el total no es el subtotal más el IGV. Lo que se debe al proveedor podría estar mal.',
  'integrity.saleFigures':
    '{count, plural, one {Una venta no cuadra} other {# ventas no cuadran}} por dentro: sus líneas no suman el subtotal, el precio por la cantidad no da el importe de una línea, o el total no es el subtotal más el IGV. Lo cobrado o por cobrar podría estar mal.',
  'integrity.purchaseEntryAmount':
    '{count, plural, one {Una compra figura} other {# compras figuran}} en la contabilidad por otro importe: la deuda con el proveedor o el IGV registrados no son los del documento. Lo que se debe a ese proveedor no sería cierto.',
  'integrity.saleEntryAmount':
    '{count, plural, one {Una venta figura} other {# ventas figuran}} en la contabilidad por otros importes: lo que entró a caja o quedó por cobrar, el ingreso, el IGV o el costo de lo vendido no son los del documento.',
  'integrity.voucherEntryAmount':
    '{count, plural, one {Un recibo de egreso figura} other {# recibos de egreso figuran}} en la contabilidad por otro importe que el pagado: el saldo de caja o banco, o lo que se debe al proveedor, no sería cierto.',
  'integrity.collectionEntryAmount':
    '{count, plural, one {Un recibo de ingreso de un cliente figura} other {# recibos de ingreso de clientes figuran}} en la contabilidad por otro importe que el cobrado: el saldo de caja o banco, o lo que debe el cliente, no sería cierto.',
  'integrity.adjustmentEntryAmount':
    '{count, plural, one {Un ajuste de almacén figura} other {# ajustes de almacén figuran}} en la contabilidad por otro valor que el que movió en el almacén.',
  'integrity.stockMovementSource':
    '{count, plural, one {Un documento (compra, venta o ajuste) no coincide} other {# documentos (compras, ventas o ajustes) no coinciden}} con lo que entró o salió del almacén por él: la cantidad o el valor movidos no son los de sus líneas. El saldo del almacén no sería cierto.',
  'integrity.voucherAllocations':
    '{count, plural, one {Un recibo de egreso o una compra no cuadra} other {# recibos de egreso o compras no cuadran}} en lo pagado: un recibo reparte más de lo que pagó, una compra figura pagada por encima de su total, o un recibo salda una compra anulada, de otro proveedor o de otra asociación. Lo que se debe a los proveedores podría no ser cierto.',
  'integrity.collectionAllocations':
    '{count, plural, one {Un recibo de ingreso o una venta no cuadra} other {# recibos de ingreso o ventas no cuadran}} en lo cobrado: un recibo reparte más de lo que cobró, una venta figura cobrada por encima de su total, o un recibo paga una venta anulada, al contado, de otro cliente o de otra asociación. Lo que deben los clientes podría no ser cierto.',
  'integrity.jointShares':
    '{count, plural, one {Una compra conjunta no cuadra} other {# compras conjuntas no cuadran}} con lo cargado a los socios: sus partes no suman lo comprado para ellos, o el cargo de un socio no es su parte. Lo que debe cada socio podría estar mal.',
  'integrity.inventoryBooks':
    '{count, plural, one {Una cuenta de existencias (mercaderías, productos, materias primas o suministros) no coincide} other {# cuentas de existencias (mercaderías, productos, materias primas o suministros) no coinciden}} con el valor de lo que hay en el almacén: la contabilidad y el almacén dicen cosas distintas. Un asiento escrito a mano en esa cuenta también lo causa.',
  'integrity.contractFigures':
    '{count, plural, one {Un documento de contrato no cuadra} other {# documentos de contrato no cuadran}}: una entrega no suma precio por cantidad, un acta acepta más de lo entregado, una factura pasa lo aceptado o repite una entrega, o los cobros pasan su factura. Lo que debe la entidad podría no ser cierto.',
  'integrity.contractEntryAmount':
    '{count, plural, one {Un documento de contrato (entrega, factura o cobro) no tiene} other {# documentos de contrato (entregas, facturas o cobros) no tienen}} en su asiento los importes que dice.',
  'integrity.acopioFigures':
    '{count, plural, one {Una planilla de acopio o liquidación no cuadra} other {# planillas de acopio o liquidaciones no cuadran}}: las filas no suman precio por cantidad o el total, las líneas no suman el bruto o la retención, el neto no es bruto menos retención y descuentos, o el recibo no es lo descontado. Lo que se debe a los socios podría estar mal.',
  'integrity.acopioEntryAmount':
    '{count, plural, one {Una planilla de acopio o liquidación no tiene} other {# planillas de acopio o liquidaciones no tienen}} en su asiento los importes que dice (lo que se debe a cada socio, el almacén, la retención o los descuentos).',
};
