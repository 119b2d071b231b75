import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { PaperSize } from '../../../shared/bridge';
import type { SettlementView } from '../../../shared/operations/acopio';
import { useClient } from '../app/client';
import { useT } from '../app/settings';
import { formatDate, formatMoney } from '../format/format';
import type { MessageKey } from '../i18n/messages';
import { formatQuantity } from '../screens/sales/quantity';
import { PrintFrame } from './PrintFrame';
import { paperOf, ReceiptHead, receiptClass } from './ReceiptParts';
import './receipt.css';
import './settlement.css';

/** `ids=3,4,5`: several liquidaciones at once (a period's), each on its own page; at most this many. */
export const MAX_BATCH = 500;

function readIds(params: URLSearchParams): number[] | null {
  const single = params.get('id');
  const text = single ?? params.get('ids') ?? '';
  const ids = text.split(',').filter((part) => part !== '').map(Number);
  if (ids.length === 0 || ids.length > MAX_BATCH || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) return null;
  return ids;
}

/**
 * The member's liquidación (/print/settlement?id=…&size=a5|80mm, or ids=…,… for a period's): her
 * deliveries of the period day by day, quantity × price by product and grade, the levy, the dues and
 * fines paid with it, the net in figures and words, what was paid, and the two signatures. A reprint
 * says DUPLICADO; a voided one ANULADO.
 */
export function PrintSettlement() {
  const t = useT();
  const client = useClient();
  const [params] = useSearchParams();
  const ids = readIds(params);
  const paper = paperOf(params.get('size'));
  const settlements = useQueries({
    queries: (ids ?? []).map((settlementId) => ({
      queryKey: ['getSettlement', { settlementId }],
      queryFn: () => client.call('getSettlement', { settlementId }),
    })),
  });
  return (
    <PrintFrame valid={ids !== null} missingMessage={t('settlementPrint.missing')} queries={settlements} autoprint={params.get('autoprint') === '1'} paper={paper}>
      {() => <>{settlements.map((query) => <SettlementDocument key={query.data!.id} data={query.data!} paper={paper} />)}</>}
    </PrintFrame>
  );
}

/**
 * Her deliveries day by day. A fortnight of daily milk is fifteen rows: they print in two tables side
 * by side so the liquidación stays one A5 page (one table on the 80 mm roll); the product is named on each row only when she
 * delivered more than one product or grade (otherwise the summary line below names it).
 */
function DeliveriesTables({ data, paper }: { data: SettlementView; paper: PaperSize }) {
  const t = useT();
  const unitOf = (unit: string) => t(`sales.unit.${unit}` as MessageKey);
  const products = new Map(data.lines.map((line) => [line.productId, line]));
  const several = new Set(data.deliveries.map((d) => `${d.productId}:${d.grade}`)).size > 1;
  const half = paper === 'A5' && data.deliveries.length > 8 ? Math.ceil(data.deliveries.length / 2) : data.deliveries.length;
  const parts = half < data.deliveries.length ? [data.deliveries.slice(0, half), data.deliveries.slice(half)] : [data.deliveries];
  return (
    <section className="settlement__deliveries" data-testid="settlement-deliveries">
      <h2 className="settlement__caption">{t('settlementPrint.deliveries')}</h2>
      <div className="settlement__columns">
        {parts.map((part, index) => (
          <table key={index} className="settlement__table">
            <thead>
              <tr>
                <th>{t('settlementPrint.day')}</th>
                {several && <th>{t('settlementPrint.product')}</th>}
                <th className="num">{t('settlementPrint.quantity')}</th>
                <th className="num">{t('settlementPrint.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {part.map((d) => {
                const product = products.get(d.productId);
                return (
                  <tr key={`${d.dayId}:${d.grade}`}>
                    <td>{formatDate(d.date)}</td>
                    {several && <td>{product?.productName ?? ''} {d.grade ? t('settlementPrint.grade', { grade: d.grade }) : ''}</td>}
                    <td className="num">{formatQuantity(d.quantity)} {product ? unitOf(product.unit) : ''}</td>
                    <td className="num">{formatMoney(d.amount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}

function SettlementDocument({ data, paper }: { data: SettlementView; paper: PaperSize }) {
  const t = useT();
  const unitOf = (unit: string) => t(`sales.unit.${unit}` as MessageKey);
  const gradeWords = (grade: string) => (grade ? t('settlementPrint.grade', { grade }) : '');
  return (
    <article className={receiptClass(paper, 'settlement')}>
      <ReceiptHead document={data} keys={{
        ruc: 'settlementPrint.ruc', heading: 'settlementPrint.heading', voided: 'settlementPrint.voided',
        voidedDetail: 'settlementPrint.voidedDetail', duplicate: 'settlementPrint.duplicate',
      }} />
      <dl className="receipt__who">
        <dt>{t('settlementPrint.member')}</dt><dd>{data.memberName}</dd>
        {data.memberDni && <><dt>{t('settlementPrint.dni')}</dt><dd>{data.memberDni}</dd></>}
        <dt>{t('settlementPrint.period')}</dt><dd>{t('settlementPrint.periodValue', { from: formatDate(data.from), to: formatDate(data.to) })}</dd>
        <dt>{t('settlementPrint.date')}</dt><dd>{formatDate(data.date)}</dd>
      </dl>
      <DeliveriesTables data={data} paper={paper} />
      <table className="settlement__table" data-testid="settlement-lines">
        <caption>{t('settlementPrint.summary')}</caption>
        <tbody>
          {data.lines.map((line) => (
            <tr key={`${line.productId}:${line.grade}`}>
              <td>{t('settlementPrint.line', {
                product: `${line.productName} ${gradeWords(line.grade)}`.trim(),
                quantity: formatQuantity(line.quantity), unit: unitOf(line.unit), price: formatMoney(line.unitPrice),
              })}</td>
              <td className="num">{formatMoney(line.amount)}</td>
            </tr>
          ))}
          <tr className="settlement__subtotal"><td>{t('settlementPrint.gross')}</td><td className="num">{formatMoney(data.gross)}</td></tr>
          <tr><td>{t('settlementPrint.levy')}</td><td className="num">− {formatMoney(data.levy)}</td></tr>
          {data.deductions.map((d) => (
            <tr key={d.chargeId}><td>{t('settlementPrint.deduction', { concept: d.description })}</td><td className="num">− {formatMoney(d.amount)}</td></tr>
          ))}
          <tr className="receipt__total settlement__net"><td>{t('settlementPrint.net')}</td><td className="num" data-testid="settlement-net">{formatMoney(data.net)}</td></tr>
        </tbody>
      </table>
      <p className="receipt__words">{data.netInWords}</p>
      {data.receipt && <p>{t('settlementPrint.receipt', { number: data.receipt.formattedNumber })}</p>}
      {data.payments.map((p) => (
        <p key={p.voucherId}>{t('settlementPrint.payment', { number: p.formattedNumber, date: formatDate(p.date), amount: formatMoney(p.amount) })}</p>
      ))}
      {data.net === 0 && <p>{t('settlementPrint.offset')}</p>}
      <footer className="receipt__signatures">
        <div>
          <span className="receipt__line" />
          <span className="receipt__role">{t('settlementPrint.treasurer')}</span>
          {data.treasurerName && <span className="receipt__signer">{data.treasurerName}</span>}
        </div>
        <div>
          <span className="receipt__line" />
          <span className="receipt__role">{t('settlementPrint.received')}</span>
          <span className="receipt__signer">{data.memberName}</span>
          {data.memberDni && <span className="receipt__role">{t('settlementPrint.dniValue', { dni: data.memberDni })}</span>}
        </div>
      </footer>
    </article>
  );
}
