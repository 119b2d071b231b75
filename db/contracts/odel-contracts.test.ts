import { describe, expect, it } from 'vitest';
import { recordMilkContract } from '../demo/contracts';
import { freshContractsFixture, type ContractsFixture } from './testing';

// The ODEL summary's contract figures per association: value, share delivered, collected and
// pending, as the contract sheet says, and as they stood on an earlier day.

let f: ContractsFixture;
freshContractsFixture((fixture) => { f = fixture; });

describe('the ODEL summary of contracts', () => {
  it('shows value, share delivered, collected and pending per association, at asOf', () => {
    f.receive(f.milkId, 6_000 * 1000, 90, '2026-01-02');
    const { contractId } = recordMilkContract(f.api, f.associationId, 2026, { productId: f.milkId, partyId: f.entityId, months: 12 });
    const sheet = f.api.contractSheet({ contractId }).totals;
    const row = (asOf: string) => f.api.associationSheet({ associationId: f.associationId, from: '2026-01-01', to: '2026-12-31', asOf }).figures;
    expect(row('2027-01-31')).toMatchObject({
      contractsValue: sheet.value, contractsDelivered: sheet.delivered, contractsCollected: sheet.collected,
      contractsPending: sheet.pending, contractsDeliveredShareBp: 5000,
    });
    // On 30/04: January to April delivered, January to March collected, April invoiced and pending.
    const april = row('2026-04-30');
    expect(april.contractsDelivered).toBe(4 * 140_000);
    expect(april.contractsPending).toBe(140_000);
    expect(april.contractsDeliveredShareBp).toBe(3333);
    const summary = f.api.odelSummary({ from: '2026-01-01', to: '2026-12-31', asOf: '2026-04-30' });
    expect(summary.total).toMatchObject({ contractsValue: 1_680_000, contractsDelivered: 560_000, contractsDeliveredShareBp: 3333 });
  });
});
