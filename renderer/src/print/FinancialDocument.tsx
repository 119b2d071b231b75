import type { ReactNode } from 'react';
import type { AssociationDetails } from '../../../shared/results';
import { useT } from '../app/settings';
import { PrintHeader } from './PrintHeader';
import './financial-reports.css';

/** One printed financial report: association header, title, period line, the body, and signatures when the assembly approves it. */
export function FinancialDocument({ association, title, period, signatures = false, amounts = true, children }: {
  association: AssociationDetails;
  title: string;
  period: string;
  signatures?: boolean;
  /** False for reports of people rather than money. */
  amounts?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <article className="print-fr" aria-labelledby="print-fr-title">
      <PrintHeader association={association} />
      <h1 id="print-fr-title">{title}</h1>
      <p className="print-fr__period">{period}{amounts && ` · ${t('reports.amounts')}`}</p>
      {children}
      {signatures && (
        <div className="print-fr__signatures">
          <div>{t('reports.sign.president')}</div>
          <div>{t('reports.sign.treasurer')}</div>
          <div>{t('reports.sign.fiscal')}</div>
        </div>
      )}
    </article>
  );
}
