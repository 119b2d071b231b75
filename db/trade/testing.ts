import { createLedgerApi, type LedgerApi } from '../api';
import type { LedgerDatabase } from '../storage/open';
import { tempDatabase, testContext } from '../testing/temp-db';

// Test support for the trade reports: an association on a real file, with suppliers, buyers and products
// made through the operations, and the documents recorded by their own operations (E1–E4).

export interface TradeFixture {
  env: ReturnType<typeof tempDatabase>;
  db: LedgerDatabase;
  api: LedgerApi;
  associationId: number;
  roleId: (role: string) => number;
  supplier: (name: string) => number;
  buyer: (name: string) => number;
  product: (name: string, category?: 'goods' | 'product' | 'raw_material' | 'supply', unit?: 'kg' | 'l' | 'head' | 'unit') => number;
  productLine: (name: string) => number;
  /** Buys `quantity` thousandths into stock, paid now from the caja, so a sale has something to sell. */
  stockUp: (productId: number, quantity: number, unitPrice: number, date: string) => void;
  /** −Σ lines of 421/424 (payable) or Σ lines of 121 (receivable) carrying the party, up to a day: the journal's word. */
  journalBalance: (partyId: number, side: 'payable' | 'receivable', to?: string) => number;
}

export function tradeFixture(now = testContext.now): TradeFixture {
  const env = tempDatabase();
  const api = createLedgerApi(env.db, { actor: testContext.actor, now });
  const associationId = api.createAssociation({
    name: 'Asociación de Productores Agropecuarios Sumaq Q\'oy', ruc: '20131312955', legalForm: 'asociacion', ubigeo: '030601',
  }).id;
  const accounts = api.listAccounts({ associationId });
  const roleId = (role: string) => {
    const account = accounts.find((a) => a.role === role);
    if (!account) throw new Error(`no account with role ${role}`);
    return account.id;
  };
  let stockSupplier: number | null = null;
  let stockPurchases = 0;
  const fixture: TradeFixture = {
    env, db: env.db, api, associationId, roleId,
    supplier: (name) => api.createParty({ associationId, name, kind: 'supplier', documentType: 'none' }).id,
    buyer: (name) => api.createParty({ associationId, name, kind: 'buyer', documentType: 'none' }).id,
    product: (name, category = 'product', unit = 'kg') => api.createProduct({ associationId, name, unit, category, salePrice: 2000 }).id,
    productLine: (name) => Number(env.db.prepare('INSERT INTO product_lines (association_id, name) VALUES (?, ?)')
      .run(associationId, name).lastInsertRowid),
    stockUp: (productId, quantity, unitPrice, date) => {
      stockSupplier ??= fixture.supplier('Acopiador de la feria');
      stockPurchases += 1;
      api.recordPurchase({
        associationId, date, partyId: stockSupplier, documentKind: 'ticket', documentNumber: `T-${stockPurchases}`,
        payment: 'cash', lines: [{ productId, quantity, unitPrice, category: 'stock' }],
      });
    },
    journalBalance: (partyId, side, to = '9999-12-31') => {
      const roles = side === 'payable' ? ['payable_suppliers', 'fees_payable'] : ['receivable_customers'];
      const { sum } = env.db.prepare(`SELECT COALESCE(SUM(l.amount), 0) AS sum FROM journal_lines l JOIN accounts a ON a.id = l.account_id
          WHERE l.party_id = ? AND a.role IN (SELECT value FROM json_each(?)) AND l.date <= ?`)
        .get(partyId, JSON.stringify(roles), to) as { sum: number };
      return side === 'payable' ? -sum : sum;
    },
  };
  return fixture;
}
