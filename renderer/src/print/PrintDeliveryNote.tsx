import { useSearchParams } from 'react-router';
import type { DeliveryView } from '../../../shared/operations/contracts';
import { useOperation } from '../app/client';
import { useT } from '../app/settings';
import { formatDate } from '../format/format';
import { positiveId } from '../format/params';
import { quantityWords } from '../screens/contracts/words';
import { PrintFrame } from './PrintFrame';
import { ReceiptHead, ReceiptSignature } from './ReceiptParts';
import './receipt.css';
import './delivery-note.css';

const headKeys = {
  ruc: 'deliveryNote.ruc', heading: 'deliveryNote.heading', voided: 'deliveryNote.voided',
  voidedDetail: 'deliveryNote.voidedDetail', duplicate: 'deliveryNote.duplicate',
} as const;

/**
 * `/print/delivery-note?id=…`: the numbered delivery note (A5) handed over with the product — which
 * contract, the entity, each product with its quantity, and the two signatures. A reprint says
 * DUPLICADO (counted before this page opened); a voided delivery keeps its number and says ANULADA.
 */
export function PrintDeliveryNote() {
  const t = useT();
  const [params] = useSearchParams();
  const deliveryId = positiveId(params.get('id'));
  const delivery = useOperation('getDelivery', { deliveryId: deliveryId ?? 0 }, { enabled: deliveryId !== null });
  return (
    <PrintFrame valid={deliveryId !== null} missingMessage={t('deliveryNote.missing')} queries={[delivery]}
      autoprint={params.get('autoprint') === '1'} paper="A5">
      {() => <DeliveryNoteDocument data={delivery.data!} />}
    </PrintFrame>
  );
}

function DeliveryNoteDocument({ data }: { data: DeliveryView }) {
  const t = useT();
  const entity = data.entity;
  return (
    <article className="receipt receipt--a5 delivery-note">
      <ReceiptHead document={data} keys={headKeys} />
      <dl className="receipt__who">
        <dt>{t('deliveryNote.date')}</dt><dd>{formatDate(data.date)}</dd>
        <dt>{t('deliveryNote.entity')}</dt>
        <dd>{entity.name}{entity.documentNumber ? ` — ${entity.documentType.toUpperCase()} ${entity.documentNumber}` : ''}</dd>
        <dt>{t('deliveryNote.contract')}</dt><dd>{data.contractNumber}</dd>
        {data.programme && <><dt>{t('deliveryNote.programme')}</dt><dd>{data.programme}</dd></>}
      </dl>
      <table className="receipt__lines delivery-note__lines">
        <thead>
          <tr><th>{t('deliveryNote.product')}</th><th className="num">{t('deliveryNote.quantity')}</th></tr>
        </thead>
        <tbody>
          {data.lines.map((line) => (
            <tr key={line.lineNo}>
              <td>{line.productName}</td>
              <td className="num">{quantityWords(t, line.quantity, line.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.note && <p>{data.note}</p>}
      <footer className="receipt__signatures">
        <ReceiptSignature signer={data.treasurerName ?? ''}>
          <span className="receipt__role">{t('deliveryNote.delivered')}</span>{t('deliveryNote.forAssociation')}
        </ReceiptSignature>
        <ReceiptSignature signer="">
          <span className="receipt__role">{t('deliveryNote.received')}</span>{t('deliveryNote.forEntity')}
        </ReceiptSignature>
      </footer>
    </article>
  );
}
