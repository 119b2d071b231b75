import { testContext } from '../testing/temp-db';
import { associationFixture, partyJournalBalance, type AssociationFixture } from '../testing/fixture';

// Test support for the trade reports: an association on a real file, with suppliers, buyers and products
// made through the operations, and the documents recorded by their own operations (E1–E4).

export interface TradeFixture extends AssociationFixture {
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
  const base = associationFixture('Asociación de Productores Agropecuarios Sumaq Q\'oy', { now });
  const { env, api, associationId } = base;
  let stockSupplier: number | null = null;
  let stockPurchases = 0;
  const fixture: TradeFixture = {
    ...base,
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
    journalBalance: (partyId, side, to) => partyJournalBalance(env.db, partyId, side, to),
  };
  return fixture;
}
