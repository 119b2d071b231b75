import type { OperationInput } from '../../shared/api';
import type { LedgerDatabase } from '../storage/open';
import { associationFixture, freshEachTest, tableCounts, type AssociationFixture } from '../testing/fixture';

// Test support for the contracts tests: a fresh association on a real file with a municipality, fresh
// milk in the store, and a year's contract (12 monthly deliveries of 1,000 l at S/ 1.50) made through
// the operations.

export interface ContractsFixture extends AssociationFixture {
  entityId: number;
  milkId: number;
  /** Brings `quantity` thousandths in at `unitCost` céntimos per whole unit (a stock count). */
  receive: (productId: number, quantity: number, unitCost: number, date?: string) => void;
  /** A contract for `months` monthly deliveries of `litres` at `price` céntimos a litre, signed 2026-01-05. */
  contract: (options?: Partial<OperationInput<'createContract'>> & { months?: number; litres?: number; price?: number }) => number;
}

export function contractsFixture(): ContractsFixture {
  const base = associationFixture('Asociación de Productores Lecheros Virgen de Cocharcas');
  const { api, associationId } = base;
  const entityId = api.createParty({
    associationId, name: 'Municipalidad Distrital de Chincheros', kind: 'public_entity', documentType: 'none', documentNumber: null,
  }).id;
  const milkId = api.createProduct({ associationId, name: 'Leche fresca', unit: 'l', category: 'product', salePrice: 150 }).id;
  const receive = (productId: number, quantity: number, unitCost: number, date = '2026-01-02') => {
    api.recordStockAdjustment({ associationId, productId, date, quantity, reason: 'count', unitCost });
  };
  const contract: ContractsFixture['contract'] = (options = {}) => {
    const months = options.months ?? 12;
    const litres = options.litres ?? 1_000;
    const price = options.price ?? 150;
    const { months: _m, litres: _l, price: _p, ...rest } = options;
    return api.createContract({
      associationId, partyId: entityId, number: 'CONTRATO N° 014-2026-MDCH', programme: 'Vaso de Leche',
      processNumber: 'AS-SM-3-2026-MDCH', signedOn: '2026-01-05', startDate: '2026-01-05', endDate: '2026-12-31',
      items: [{ productId: milkId, quantity: months * litres * 1000, unitPrice: price }],
      schedule: Array.from({ length: months }, (_, i) => ({
        dueDate: `2026-${String(i + 1).padStart(2, '0')}-28`, productId: milkId, quantity: litres * 1000,
      })),
      ...rest,
    }).id;
  };
  return { ...base, entityId, milkId, receive, contract };
}

export const freshContractsFixture = (use: (fixture: ContractsFixture) => void): void => freshEachTest(contractsFixture, use);

const countedTables = ['journal_entries', 'journal_lines', 'contracts', 'contract_items', 'contract_schedule', 'contract_amendments',
  'contract_deliveries', 'contract_delivery_lines', 'contract_acceptances', 'contract_acceptance_lines', 'contract_invoices',
  'contract_invoice_deliveries', 'contract_collections', 'stock_movements', 'audit_log'] as const;

/** Rows in every table a contracts write touches: equal before and after a refused operation. */
export const counts = (db: LedgerDatabase) => tableCounts(db, countedTables);

/** What the journal says the entity owes for the contract: its lines on 121 with the contract. */
export function contractReceivable(db: LedgerDatabase, contractId: number): number {
  return (db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS sum FROM journal_lines l JOIN accounts a ON a.id = l.account_id
      WHERE l.contract_id = ? AND a.role = 'receivable_customers'`).get(contractId) as { sum: number }).sum;
}
