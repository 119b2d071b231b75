import type { ReactNode } from 'react';
import type { PaperSize } from '../../../shared/bridge';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import type { MessageKey } from '../i18n/messages';

// The parts every numbered document in the receipt layout (receipt.css) prints alike: recibos de
// ingreso and egreso, the nota de venta, the credit refund. Each keeps its own catalog words.

/** `size=80mm` prints on the thermal roll; anything else on A5. */
export function paperOf(size: string | null): PaperSize {
  return size === '80mm' ? 'ticket80' : 'A5';
}

/** The article's classes: the receipt layout, the document's own, and A5 sheet or 80 mm roll. */
export const receiptClass = (paper: PaperSize, own?: string) =>
  ['receipt', own, `receipt--${paper === 'A5' ? 'a5' : 'ticket'}`].filter(Boolean).join(' ');

/** Catalog keys of a document's head; `duplicate` only where paper copies are counted. */
export interface ReceiptHeadKeys {
  ruc: MessageKey; heading: MessageKey; voided: MessageKey; voidedDetail: MessageKey; duplicate?: MessageKey;
}

/** What the head reads of any of those documents' views. */
interface NumberedDocument {
  association: { name: string; ruc: string | null; address: string | null; district: string; province: string; department: string };
  formattedNumber: string | null;
  status: string;
  voided: { date: string; reason: string } | null;
  printCount?: number;
}

/**
 * The association and the document's name and number in its box; then ANULADO with when and why,
 * or DUPLICADO on a valid document's later paper copies.
 */
export function ReceiptHead({ document, keys }: { document: NumberedDocument; keys: ReceiptHeadKeys }) {
  const t = useT();
  const { association, voided } = document;
  const place = [association.district, association.province, association.department].filter(Boolean).join(', ');
  return (
    <>
      <header className="receipt__header">
        <div>
          <div className="receipt__association">{association.name}</div>
          {association.ruc && <div>{t(keys.ruc, { ruc: association.ruc })}</div>}
          {association.address && <div>{association.address}</div>}
          <div>{place}</div>
        </div>
        <div className="receipt__number-box">
          <div>{t(keys.heading)}</div>
          <div className="receipt__number">N° {document.formattedNumber}</div>
        </div>
      </header>
      {document.status === 'voided' && (
        <div className="receipt__stamp">
          {t(keys.voided)}
          {voided && <div className="receipt__stamp-detail">{t(keys.voidedDetail, { date: formatDate(voided.date), reason: voided.reason })}</div>}
        </div>
      )}
      {keys.duplicate && document.status === 'valid' && (document.printCount ?? 0) > 1 && <div className="receipt__stamp">{t(keys.duplicate)}</div>}
    </>
  );
}

/** Concept and amount, one row a line, then the total: what the money was for. */
export function ReceiptLines({ heads, lines, total }: {
  heads: { concept: string; amount: string; total: string };
  lines: readonly { key: string | number; text: ReactNode; amount: number }[];
  total: number;
}) {
  return (
    <table className="receipt__lines">
      <thead><tr><th>{heads.concept}</th><th className="num">{heads.amount}</th></tr></thead>
      <tbody>
        {lines.map((line) => <tr key={line.key}><td>{line.text}</td><td className="num">{formatMoney(line.amount)}</td></tr>)}
        <tr className="receipt__total"><td>{heads.total}</td><td className="num">{formatMoney(total)}</td></tr>
      </tbody>
    </table>
  );
}

/** A line to sign on, the signer's name under it, then what the signature says (children). */
export function ReceiptSignature({ signer, children }: { signer: string; children?: ReactNode }) {
  return <div><span className="receipt__line" /><span className="receipt__signer">{signer}</span>{children}</div>;
}
