import { PrintBook } from './PrintCashBook';

/** `/print/ledger?associationId=1&accountId=3&from=…&to=…`: the libro mayor of one account on A4. */
export function PrintLedger() {
  return <PrintBook kind="ledger" />;
}
