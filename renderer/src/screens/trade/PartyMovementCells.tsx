import type { PartyStatementLine } from '../../../../shared/operations/trade';
import { useT } from '../../app/settings';
import { formatDate, formatMoney } from '../../format/format';
import { documentWords } from './documentWords';

/**
 * A party's movement as the statement shows it, on screen and on paper: date, document, concept, due
 * date, then what it added to the balance or took off (blank when nothing). The balance cell is each one's own.
 */
export function PartyMovementCells({ line }: { line: PartyStatementLine }) {
  const t = useT();
  return (
    <>
      <td>{formatDate(line.date)}</td>
      <td>{documentWords(t, line.document)}</td>
      <td>{line.description}</td>
      <td>{line.dueDate ? formatDate(line.dueDate) : ''}</td>
      <td className="num">{line.increase ? formatMoney(line.increase) : ''}</td>
      <td className="num">{line.decrease ? formatMoney(line.decrease) : ''}</td>
    </>
  );
}
