import { useState } from 'react';
import type { ChargeView, InKindContributionView } from '../../../../shared/operations/contributions';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { formatDate, formatMoney } from '../../format/format';
import { MemberSelect } from './MemberSelect';
import { VoidDocumentForm } from './VoidDocumentForm';

type Voiding = { kind: 'charge'; item: ChargeView } | { kind: 'inKind'; item: InKindContributionView } | null;

function Status({ voided }: { voided: { date: string; reason: string } | null }) {
  const t = useT();
  if (!voided) return null;
  return (
    <>
      <span className="badge badge--warn">{t('contrib.fix.voidedBadge')}</span>{' '}
      {t('contrib.fix.voidedDetail', { date: formatDate(voided.date), reason: voided.reason })}
    </>
  );
}

/**
 * One member's charges and in-kind contributions, voided ones included (ANULADO and why): a charge or
 * a contribution recorded in error is voided here with a reason, as receipts are.
 */
export function ChargeList() {
  const t = useT();
  const associationId = useAssociationId();
  const [memberId, setMemberId] = useState<number | null>(null);
  const [voiding, setVoiding] = useState<Voiding>(null);
  const [done, setDone] = useState<string | null>(null);
  const enabled = { enabled: memberId !== null };
  const charges = useOperation('listCharges', { associationId, memberId: memberId ?? 0, includeVoided: true }, enabled);
  const inKind = useOperation('listInKindContributions', { associationId, memberId: memberId ?? 0 }, enabled);
  const voidCharge = useWrite('voidCharge');
  const voidInKind = useWrite('voidInKind');
  const choose = (id: number | null) => {
    setMemberId(id);
    setVoiding(null);
    setDone(null);
  };
  const voidButton = (label: string, onClick: () => void) => (
    <button type="button" className="link-button" aria-label={label} onClick={() => { setDone(null); onClick(); }}>
      {t('contrib.fix.void')}
    </button>
  );
  return (
    <section className="panel" aria-labelledby="fix-charges">
      <h2 id="fix-charges">{t('contrib.fix.title')}</h2>
      <p className="subtitle">{t('contrib.fix.explain')}</p>
      <Field label={t('contrib.charge.member')}>
        <MemberSelect value={memberId} onChange={choose} includeFormer />
      </Field>
      <ErrorAlert message={charges.error?.message ?? inKind.error?.message} />
      {done && <p role="status">{done}</p>}
      {voiding?.kind === 'charge' && (
        <VoidDocumentForm
          title={t('contrib.fix.voidChargeTitle', { description: voiding.item.description, amount: formatMoney(voiding.item.amount) })}
          explain={t('contrib.fix.voidChargeExplain')}
          onVoid={(input) => voidCharge.mutateAsync({ chargeId: voiding.item.id, ...input })}
          onVoided={() => {
            setDone(t('contrib.fix.voided', { description: voiding.item.description }));
            setVoiding(null);
          }}
          onCancel={() => setVoiding(null)}
        />
      )}
      {voiding?.kind === 'inKind' && (
        <VoidDocumentForm
          title={t('contrib.fix.voidInKindTitle', { description: voiding.item.description, amount: formatMoney(voiding.item.value) })}
          explain={t('contrib.fix.voidInKindExplain')}
          onVoid={(input) => voidInKind.mutateAsync({ inKindId: voiding.item.id, ...input })}
          onVoided={() => {
            setDone(t('contrib.fix.voided', { description: voiding.item.description }));
            setVoiding(null);
          }}
          onCancel={() => setVoiding(null)}
        />
      )}
      {memberId !== null && charges.data && (
        <>
          <h3>{t('contrib.fix.charges')}</h3>
          {charges.data.length === 0 ? <p>{t('contrib.fix.noCharges')}</p> : (
            <table className="data">
              <thead>
                <tr>
                  <th>{t('contrib.fix.col.date')}</th><th>{t('contrib.fix.col.concept')}</th>
                  <th className="num">{t('contrib.fix.col.amount')}</th><th className="num">{t('contrib.fix.col.open')}</th>
                  <th>{t('contrib.fix.col.status')}</th>
                </tr>
              </thead>
              <tbody>
                {charges.data.map((charge) => (
                  <tr key={charge.id}>
                    <td>{formatDate(charge.date)}</td>
                    <td>{charge.description}</td>
                    <td className="num">{formatMoney(charge.amount)}</td>
                    <td className="num">{charge.voided ? '' : formatMoney(charge.open)}</td>
                    <td>
                      <Status voided={charge.voided} />
                      {!charge.voided && voidButton(
                        t('contrib.fix.voidCharge', { description: charge.description, date: formatDate(charge.date) }),
                        () => setVoiding({ kind: 'charge', item: charge }),
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {memberId !== null && inKind.data && inKind.data.length > 0 && (
        <>
          <h3>{t('contrib.fix.inKind')}</h3>
          <table className="data">
            <thead>
              <tr>
                <th>{t('contrib.fix.col.date')}</th><th>{t('contrib.fix.col.concept')}</th>
                <th className="num">{t('contrib.fix.col.amount')}</th><th>{t('contrib.fix.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {inKind.data.map((item) => (
                <tr key={item.id}>
                  <td>{formatDate(item.date)}</td>
                  <td>{item.description}</td>
                  <td className="num">{formatMoney(item.value)}</td>
                  <td>
                    <Status voided={item.voided} />
                    {!item.voided && voidButton(
                      t('contrib.fix.voidInKind', { description: item.description, date: formatDate(item.date) }),
                      () => setVoiding({ kind: 'inKind', item }),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
