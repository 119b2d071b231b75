import type { ReactNode } from 'react';
import type { AssociationSheet } from '../../../../shared/operations/odel';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { catalogs, type MessageKey } from '../../i18n/messages';
import { PrintHeader } from '../../print/PrintHeader';
import '../../print/odel.css';

/** A catalogued label, or the stored value when the catalog does not know it. */
function known(key: string, fallback: string, t: ReturnType<typeof useT>): string {
  return key in catalogs.es ? t(key as MessageKey) : fallback;
}

function Facts({ rows, testId }: { rows: [label: string, value: ReactNode, sub?: boolean][]; testId: string }) {
  return (
    <dl className="odel-sheet__facts" data-testid={testId}>
      {rows.map(([label, value, sub]) => (
        <div key={label} className={sub ? 'odel-sheet__sub' : undefined}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const DOCUMENT_ROWS = [
  ['receipts', false], ['paymentVouchers', false], ['sales', false], ['notasDeVenta', true], ['saleCollections', false],
] as const satisfies readonly (readonly [keyof AssociationSheet, boolean])[];

/** The documents of the period by kind: issued, voided since, and the total of the valid ones. */
function DocumentsTable({ sheet }: { sheet: AssociationSheet }) {
  const t = useT();
  return (
    <table className="odel-sheet__officers odel-sheet__documents" data-testid="sheet-documents">
      <thead>
        <tr>
          <th scope="col">{t('sheet.documents.kind')}</th>
          <th scope="col" className="num">{t('sheet.documents.issued')}</th>
          <th scope="col" className="num">{t('sheet.documents.voided')}</th>
          <th scope="col" className="num">{t('sheet.documents.total')}</th>
        </tr>
      </thead>
      <tbody>
        {DOCUMENT_ROWS.map(([kind, sub]) => (
          <tr key={kind} className={sub ? 'odel-sheet__sub' : undefined} data-testid={`sheet-documents-${kind}`}>
            <th scope="row">{t(`sheet.documents.${kind}`)}</th>
            <td className="num">{sheet[kind].issued}</td>
            <td className="num">{sheet[kind].voided}</td>
            <td className="num">{formatMoney(sheet[kind].total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The one-page sheet of one association: who it is, its members by sex, its board, what it
 * earned and spent, what it has, is owed and owes, and what was recorded in the period.
 * Printed by /print/association-sheet and previewed on the ODEL screen.
 */
export function AssociationSheetDocument({ sheet, titleId }: { sheet: AssociationSheet; titleId: string }) {
  const t = useT();
  const { association, figures } = sheet;
  const none = t('sheet.none');
  const unknownSex = figures.members - figures.women - figures.men;
  return (
    <article className="print-odel-sheet" data-testid="association-sheet">
      <PrintHeader association={association} />
      <h1 id={titleId}>{t('sheet.title')}</h1>
      <p className="odel-sheet__period">
        {t('sheet.period', { from: formatDate(sheet.from), to: formatDate(sheet.to), asOf: formatDate(sheet.asOf) })}
      </p>
      <div className="odel-sheet__grid">
        <section>
          <h2>{t('sheet.details')}</h2>
          <Facts testId="sheet-details" rows={[
            [t('sheet.legalForm'), known(`wizard.legalForm.${association.legalForm}`, association.legalForm, t)],
            [t('sheet.ruc'), association.ruc ?? t('sheet.noRuc')],
            [t('sheet.registryEntry'), association.registryEntry ?? none],
            [t('sheet.place'), t('home.place', { district: association.district, province: association.province, department: association.department })],
            [t('sheet.ubigeo'), association.ubigeo],
            [t('sheet.address'), association.address ?? none],
            [t('sheet.mainProducts'), association.mainProducts.length ? association.mainProducts.join(', ') : none],
          ]} />
        </section>
        <section>
          <h2>{t('sheet.members', { date: formatDate(sheet.asOf) })}</h2>
          <Facts testId="sheet-members" rows={[
            [t('sheet.women'), figures.women],
            [t('sheet.men'), figures.men],
            ...(unknownSex > 0 ? [[t('sheet.unknownSex'), unknownSex] as [string, number]] : []),
            [t('sheet.membersTotal'), figures.members],
          ]} />
        </section>
        <section>
          <h2>{t('sheet.economics')}</h2>
          <Facts testId="sheet-economics" rows={[
            [t('sheet.income'), formatMoney(figures.income)],
            [t('sheet.sales'), formatMoney(figures.sales), true],
            [t('sheet.contractSales'), formatMoney(figures.contractSales), true],
            [t('sheet.expenses'), formatMoney(figures.expenses)],
            [t('sheet.purchases'), formatMoney(figures.purchases)],
            [t('sheet.result'), formatMoney(figures.result)],
          ]} />
        </section>
        <section>
          <h2>{t('sheet.balances', { date: formatDate(sheet.asOf) })}</h2>
          <Facts testId="sheet-balances" rows={[
            [t('sheet.cash'), formatMoney(figures.cash)],
            [t('sheet.receivables'), formatMoney(figures.receivables)],
            [t('sheet.receivablesFromBuyers'), formatMoney(figures.receivablesFromBuyers), true],
            [t('sheet.debts'), formatMoney(figures.debts)],
            [t('sheet.financialDebts'), formatMoney(figures.financialDebts), true],
            [t('sheet.payables'), formatMoney(figures.payables), true],
          ]} />
        </section>
      </div>
      <section>
        <h2>{t('sheet.officers', { date: formatDate(sheet.asOf) })}</h2>
        {sheet.officers.length === 0 ? (
          <p>{t('sheet.noOfficers')}</p>
        ) : (
          <table className="odel-sheet__officers" data-testid="sheet-officers">
            <thead>
              <tr>
                <th scope="col">{t('sheet.officer.post')}</th>
                <th scope="col">{t('sheet.officer.name')}</th>
                <th scope="col">{t('sheet.officer.term')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.officers.map((officer) => (
                <tr key={officer.id}>
                  <th scope="row">{known(`post.${officer.post}`, officer.post, t)}</th>
                  <td>{officer.memberName}</td>
                  <td>
                    {officer.termEnd
                      ? t('sheet.officer.between', { from: formatDate(officer.termStart), to: formatDate(officer.termEnd) })
                      : t('sheet.officer.since', { from: formatDate(officer.termStart) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>{t('sheet.activity')}</h2>
        <Facts testId="sheet-activity" rows={[
          [t('sheet.entries'), sheet.entries],
          [t('sheet.reversals'), sheet.reversals, true],
        ]} />
        <DocumentsTable sheet={sheet} />
      </section>
      <div className="odel-sheet__signatures">
        <div className="odel-sheet__signature">{t('sheet.signature')}</div>
      </div>
    </article>
  );
}
