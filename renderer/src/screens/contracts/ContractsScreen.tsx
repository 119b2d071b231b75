import { Link, Route, Routes, useNavigate } from 'react-router';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatMoney } from '../../format/format';
import { ContractDetail } from './ContractDetail';
import { ContractForm } from './ContractForm';
import './contracts.css';

/**
 * Contratos (`contratos/*`): the list of contracts with public entities, "Nuevo contrato" (`contratos/nuevo`)
 * and each contract (`contratos/:contractId`) with its deliveries, actas, invoices, collections and adendas.
 */
export function ContractsScreen() {
  return (
    <Routes>
      <Route index element={<ContractList />} />
      <Route path="nuevo" element={<NewContract />} />
      <Route path=":contractId" element={<ContractDetail />} />
    </Routes>
  );
}

function NewContract() {
  const t = useT();
  const associationId = useAssociationId();
  const navigate = useNavigate();
  const back = `/a/${associationId}/contratos`;
  return (
    <section className="screen">
      <p><Link to={back}>{t('contracts.back')}</Link></p>
      <h1>{t('contract.newTitle')}</h1>
      <ContractForm onCancel={() => navigate(back)} onSaved={(id) => navigate(`${back}/${id}`, { state: { justSaved: true } })} />
    </section>
  );
}

function ContractList() {
  const t = useT();
  const associationId = useAssociationId();
  const navigate = useNavigate();
  const contracts = useOperation('listContracts', { associationId });
  const rows = contracts.data ?? [];
  return (
    <section className="screen">
      <h1>{t('contracts.title')}</h1>
      <p className="subtitle">{t('contracts.intro')}</p>
      <p className="actions">
        <button type="button" className="button--primary" onClick={() => navigate(`/a/${associationId}/contratos/nuevo`)}>{t('contracts.new')}</button>
      </p>
      <ErrorAlert message={contracts.error?.message} />
      {contracts.isSuccess && rows.length === 0 && <p className="notice">{t('contracts.empty')}</p>}
      {rows.length > 0 && (
        <table className="data contracts-list" data-testid="contracts-table">
          <thead>
            <tr>
              <th>{t('contracts.col.number')}</th>
              <th>{t('contracts.col.entity')}</th>
              <th>{t('contracts.col.programme')}</th>
              <th className="num">{t('contracts.col.value')}</th>
              <th className="num">{t('contracts.col.delivered')}</th>
              <th className="num">{t('contracts.col.collected')}</th>
              <th className="num">{t('contracts.col.pending')}</th>
              <th>{t('contracts.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td><Link to={`/a/${associationId}/contratos/${c.id}`} aria-label={t('contracts.open', { number: c.number })}>{c.number}</Link></td>
                <td>{c.entityName}</td>
                <td>{c.programme ?? ''}</td>
                <td className="num">{formatMoney(c.value)}</td>
                <td className="num">{`${formatMoney(c.delivered)} (${Math.floor(c.deliveredShareBp / 100)}%)`}</td>
                <td className="num">{formatMoney(c.collected)}</td>
                <td className="num">{formatMoney(c.pending)}</td>
                <td>{t(`contracts.status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
