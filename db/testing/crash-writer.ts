import { KhipuError } from '../../shared/errors';
import { createLedgerApi } from '../api';
import { seededRandom } from '../demo/random';
import { migrations } from '../storage/migrations';
import { openLedgerDatabase } from '../storage/open';

// A writer killed by db/storage/crash.test.ts at a random moment: it records documents of every kind
// through the operations, as fast as it can, and says on stdout what each committed write left in the
// file. `node --import tsx crash-writer.ts <file> <seed> <fixture JSON>`; with `migrate` as the seed it
// instead opens the file with one more, slow migration and announces when it is inside it.

interface Fixture {
  associationId: number; members: number[]; suppliers: number[]; buyers: number[]; cheese: number; feed: number;
  cash: number; bank: number;
}

const [path, seedText, fixtureText] = process.argv.slice(2) as [string, string, string];
const say = (report: object) => process.stdout.write(`${JSON.stringify(report)}\n`);

if (seedText === 'migrate') {
  // A long migration: the test kills the process inside its transaction.
  openLedgerDatabase(path, {
    migrations: [...migrations, {
      version: migrations[migrations.length - 1]!.version + 1,
      description: 'crash probe',
      up: (db) => {
        db.exec('CREATE TABLE crash_probe (n INTEGER PRIMARY KEY, filler TEXT)');
        say({ op: 'migrating' });
        for (let round = 0; round < 1_000; round += 1) {
          db.exec(`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 20000)
                   INSERT INTO crash_probe (filler) SELECT hex(randomblob(64)) FROM k`);
        }
      },
    }],
  });
  say({ op: 'migrated' });
  process.exit(0);
}

const fixture = JSON.parse(fixtureText) as Fixture;
const db = openLedgerDatabase(path);
const api = createLedgerApi(db, { actor: 'crash-writer' });
const random = seededRandom(Number(seedText));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const { associationId } = fixture;

for (let step = 0; ; step += 1) {
  const date = `2026-0${between(3, 6)}-${String(between(1, 28)).padStart(2, '0')}`;
  const roll = random();
  try {
    if (roll < 0.2) {
      const receipt = api.recordPayment({ associationId, memberId: pick(fixture.members), date, amount: between(5, 30) * 100 });
      say({ op: 'receipt', id: receipt.id });
    } else if (roll < 0.35) {
      const paidNow = random() < 0.5;
      const purchase = api.recordPurchase({
        associationId, date, partyId: pick(fixture.suppliers), documentKind: 'factura', documentNumber: `F${seedText}-${step}`,
        lines: [random() < 0.6
          ? { productId: fixture.feed, quantity: between(1, 40) * 1_000, unitPrice: between(80, 140), category: 'stock' as const }
          : { description: 'Flete a la feria', amount: between(20, 90) * 100, category: 'transport' as const }],
        igv: random() < 0.3 ? 180 : 0, payment: paidNow ? 'cash' : 'credit', dueDate: paidNow ? null : '2026-07-31',
      });
      say({ op: 'purchase', id: purchase.id, vouchers: purchase.payments.map((p) => p.voucherId) });
    } else if (roll < 0.45) {
      const voucher = api.paySupplier({
        associationId, partyId: pick(fixture.suppliers), date: '2026-07-01', amount: between(10, 200) * 100, confirmOverpayment: true,
      });
      say({ op: 'voucher', id: voucher.id });
    } else if (roll < 0.6) {
      const credit = random() < 0.5;
      const sale = api.recordSale({
        associationId, date, partyId: credit ? pick(fixture.buyers) : null, documentKind: 'nota_venta',
        lines: [{ productId: fixture.cheese, quantity: between(1, 6) * 500, unitPrice: 1_800 }],
        payment: credit ? 'credit' : 'cash', dueDate: credit ? '2026-07-31' : null,
      });
      say({ op: 'sale', id: sale.id });
    } else if (roll < 0.68) {
      const collection = api.collectSale({
        associationId, partyId: pick(fixture.buyers), date: '2026-07-02', amount: between(5, 60) * 100, confirmOverpayment: true,
      });
      say({ op: 'collection', id: collection.id });
    } else if (roll < 0.76) {
      const adjustment = api.recordStockAdjustment({
        associationId, productId: fixture.cheese, date, quantity: between(5, 20) * 1_000, reason: 'count', unitCost: 1_100,
      });
      say({ op: 'adjustment', id: adjustment.id });
    } else if (roll < 0.84) {
      // A day's batch: every entry or none.
      const size = 400;
      say({ op: 'batchStart', batch: step, size });
      api.postEntries({
        associationId,
        entries: Array.from({ length: size }, (_, n) => ({
          date, description: `Lote ${seedText}-${step}: depósito ${n + 1}`,
          lines: [{ accountId: fixture.bank, amount: 100 + n }, { accountId: fixture.cash, amount: -(100 + n) }],
        })),
      });
      say({ op: 'batch', batch: step, size });
    } else {
      const purchases = api.listPurchases({ associationId, status: 'valid', limit: 20 }).rows;
      if (purchases.length === 0) continue;
      const voided = api.voidPurchase({ purchaseId: pick(purchases).id, date: '2026-07-15', reason: 'Registrada por error' });
      say({ op: 'voidPurchase', id: voided.id });
    }
  } catch (error) {
    // Refusals the rules make (not enough stock, a purchase already paid...) change nothing: go on.
    if (!(error instanceof KhipuError)) throw error;
  }
}
