import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../integrity/check';
import { contractReceivable, freshContractsFixture, type ContractsFixture } from '../contracts/testing';
import { recordMilkContract } from './contracts';

// The demo's milk contract, recorded through the operations: a year of deliveries, actas, invoices and
// collections that reconcile to the céntimo with the journal.

let f: ContractsFixture;
freshContractsFixture((fixture) => { f = fixture; });

describe('recordMilkContract', () => {
  it('records a year of monthly deliveries, actas, invoices and collections that reconcile', () => {
    f.receive(f.milkId, 12_000 * 1000, 90, '2026-01-02');
    const result = recordMilkContract(f.api, f.associationId, 2026, {
      productId: f.milkId, partyId: f.entityId, igvBp: 1800, litresPerMonth: 1_000, price: 140,
    });
    expect(result.deliveryIds).toHaveLength(12);
    expect(result.collectionIds).toHaveLength(12);
    const sheet = f.api.contractSheet({ contractId: result.contractId });
    expect(sheet.totals).toMatchObject({ value: 1_680_000, delivered: 1_680_000, accepted: 1_680_000, pending: 0, toDeliver: 0 });
    expect(sheet.totals.collected + sheet.totals.deductions).toBe(sheet.totals.invoiced);
    expect(sheet.deductions.igvWithheld).toBeGreaterThan(0);
    expect(sheet.deductions.detraction).toBeGreaterThan(0);
    expect(sheet.penaltiesMayDeduct).toBeGreaterThan(0);
    expect(contractReceivable(f.db, result.contractId)).toBe(0);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('delivers only what is in the store', () => {
    f.receive(f.milkId, 2_500 * 1000, 90, '2026-01-02');
    const result = recordMilkContract(f.api, f.associationId, 2026, { productId: f.milkId, months: 4 });
    expect(result.deliveryIds).toHaveLength(3);
    expect(f.api.contractSheet({ contractId: result.contractId }).totals.toDeliver).toBe(210_000);
  });
});
