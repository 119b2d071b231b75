import type { AssociationDetails } from '../../../shared/results';
import { useT } from '../app/settings';
import { formatDate, todayIso } from '../format/format';
import './print-header.css';

/** Association name, RUC and place on the left; the printing date on the right. */
export function PrintHeader({ association }: { association: AssociationDetails }) {
  const t = useT();
  return (
    <header className="print-doc__header">
      <div>
        <div className="print-doc__association">{association.name}</div>
        {association.ruc && <div>{t('home.ruc', { ruc: association.ruc })}</div>}
        <div>{t('home.place', { district: association.district, province: association.province, department: association.department })}</div>
      </div>
      <div className="print-doc__printed">{t('print.printedOn', { date: formatDate(todayIso()) })}</div>
    </header>
  );
}
