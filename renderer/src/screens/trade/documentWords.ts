import type { TradeDocumentRef } from '../../../../shared/operations/trade';
import type { MessageKey, MessageParams } from '../../i18n/messages';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const KNOWN_KINDS = new Set(['factura', 'boleta', 'recibo_honorarios', 'ticket', 'none', 'nota_venta', 'recibo_egreso', 'recibo_ingreso']);

/** "Factura F001-000123", "Nota de venta 001-000004", "Sin comprobante": a document as printed on it. */
export function documentWords(t: Translate, document: TradeDocumentRef | null): string {
  if (!document || document.kind === null) return t('tradeUi.doc.manual');
  const kind = KNOWN_KINDS.has(document.kind) ? t(`tradeUi.doc.${document.kind}` as MessageKey) : document.kind;
  return document.number ? `${kind} ${document.number}` : kind;
}
