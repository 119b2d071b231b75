import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { checkIntegrity } from '../integrity/check';
import { contractReceivable, contractsFixture } from './testing';

// A contract always reconciles, whatever happens to it: collected + deductions + pending = invoiced;
// invoiced (before IGV) ≤ accepted ≤ delivered; and the journal's 121 for the contract is the pending.
// Random deliveries, actas with rejections (some back to stock), invoices over accepted deliveries,
// collections split into received and deductions, and voids of each, in any order; refusals allowed.

const L = 1000;
const step = fc.oneof(
  fc.record({ kind: fc.constant('deliver' as const), litres: fc.integer({ min: 1, max: 900 }), day: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('accept' as const), pick: fc.nat(), share: fc.integer({ min: 0, max: 100 }), back: fc.boolean() }),
  fc.record({ kind: fc.constant('invoice' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), cut: fc.integer({ min: 0, max: 500 }), igv: fc.boolean() }),
  fc.record({
    kind: fc.constant('collect' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }),
    deduction: fc.constantFrom('none', 'withholding', 'detraction', 'penalty', 'other'), part: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({ kind: fc.constant('void' as const), what: fc.constantFrom('delivery', 'acceptance', 'invoice', 'collection'), pick: fc.nat() }),
);

const written: Record<string, number> = {};
function run(f: ReturnType<typeof contractsFixture>, operation: string, input: unknown): void {
  const answer = dispatch(f.api, operation, input);
  if (answer.ok) written[operation] = (written[operation] ?? 0) + 1;
}

describe('a contract always reconciles', () => {
  it('collected + deductions + pending = invoiced; invoiced ≤ accepted ≤ delivered; the journal agrees', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 12, maxLength: 30 }), (steps) => {
        const f = contractsFixture();
        try {
          f.receive(f.milkId, 100_000 * L, 97);
          const contractId = f.contract({ months: 12, litres: 1_000, price: 153 });
          let day = 10;
          let actas = 0;
          let invoices = 0;
          const dateOf = () => `2026-${String(2 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
          const pickOf = <T>(rows: T[], n: number): T | undefined => (rows.length === 0 ? undefined : rows[n % rows.length]);
          for (const s of steps) {
            const sheet = f.api.contractSheet({ contractId });
            const date = dateOf();
            if (s.kind === 'deliver') {
              day += s.day;
              run(f, 'recordDelivery', { contractId, date: dateOf(), lines: [{ productId: f.milkId, quantity: s.litres * L }] });
            } else if (s.kind === 'accept') {
              const pending = sheet.deliveries.filter((d) => d.stage === 'pending');
              const d = pickOf(pending, s.pick);
              if (!d) continue;
              const delivery = f.api.getDelivery({ deliveryId: d.deliveryId });
              const accepted = Math.floor((delivery.lines[0]!.quantity * s.share) / 100);
              actas += 1;
              run(f, 'acceptDelivery', {
                deliveryId: d.deliveryId, actaNumber: `ACTA-${actas}`, date, returnRejected: s.back,
                lines: [{ lineNo: 1, acceptedQuantity: accepted }],
              });
            } else if (s.kind === 'invoice') {
              const accepted = sheet.deliveries.filter((d) => d.stage === 'accepted');
              const chosen = [...new Set(s.picks.map((p) => pickOf(accepted, p)).filter((d) => d !== undefined))];
              if (chosen.length === 0) continue;
              const value = chosen.reduce((sum, d) => sum + (d.acceptedAmount ?? 0), 0);
              invoices += 1;
              run(f, 'recordContractInvoice', {
                contractId, number: `E001-${invoices}`, date, deliveryIds: chosen.map((d) => d.deliveryId),
                subtotal: Math.max(value - s.cut, 1), igv: s.igv ? Math.floor(value * 18 / 100) : 0,
              });
            } else if (s.kind === 'collect') {
              const invoice = pickOf(sheet.invoices.filter((i) => i.pending > 0), s.pick);
              if (!invoice) continue;
              const total = Math.max(Math.floor((invoice.pending * s.share) / 100), 1);
              const deduction = s.deduction === 'none' ? 0 : Math.floor((total * s.part) / 100);
              run(f, 'recordContractCollection', {
                invoiceId: invoice.id, date, received: total - deduction,
                ...(s.deduction === 'withholding' && deduction > 0 ? { igvWithheld: deduction, withholdingVoucher: 'R001-1' } : {}),
                ...(s.deduction === 'detraction' && deduction > 0 ? { detraction: deduction, detractionConstancia: '0001' } : {}),
                ...(s.deduction === 'penalty' ? { penalty: deduction } : {}),
                ...(s.deduction === 'other' && deduction > 0 ? { otherDeductions: deduction, otherDescription: 'Gastos' } : {}),
              });
            } else {
              if (s.what === 'delivery') {
                const d = pickOf(sheet.deliveries, s.pick);
                if (d) run(f, 'voidDelivery', { deliveryId: d.deliveryId, date, reason: 'Prueba' });
              } else if (s.what === 'acceptance') {
                const d = pickOf(sheet.deliveries.filter((x) => x.stage !== 'pending'), s.pick);
                const acceptance = d ? f.api.getDelivery({ deliveryId: d.deliveryId }).acceptance : null;
                if (acceptance) run(f, 'voidAcceptance', { acceptanceId: acceptance.id, date, reason: 'Prueba' });
              } else if (s.what === 'invoice') {
                const i = pickOf(sheet.invoices, s.pick);
                if (i) run(f, 'voidContractInvoice', { invoiceId: i.id, date, reason: 'Prueba' });
              } else {
                const c = pickOf(sheet.collections, s.pick);
                if (c) run(f, 'voidContractCollection', { collectionId: c.id, date, reason: 'Prueba' });
              }
            }
            const t = f.api.contractSheet({ contractId }).totals;
            expect(t.collected + t.deductions + t.pending).toBe(t.invoiced);
            expect(t.invoicedSubtotal).toBeLessThanOrEqual(t.accepted);
            expect(t.accepted).toBeLessThanOrEqual(t.delivered);
            expect(t.pending).toBeGreaterThanOrEqual(0);
            expect(contractReceivable(f.db, contractId)).toBe(t.pending);
          }
          expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
        } finally {
          f.env.cleanup();
        }
      }),
      { numRuns: 15 },
    );
    // The runs reached every kind of document, not only refusals.
    for (const operation of ['recordDelivery', 'acceptDelivery', 'recordContractInvoice', 'recordContractCollection']) {
      expect(written[operation] ?? 0).toBeGreaterThan(0);
    }
  });
});
