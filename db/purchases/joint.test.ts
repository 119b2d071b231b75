import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIntegrity } from '../integrity/check';
import { entryLines, freshPurchasesFixture, payableTo, purchasesFixture, refused, roleBalance, type PurchasesFixture } from './testing';

// Joint purchases: the association buys for members and recharges each her share as a charge, exact
// to the céntimo; the shares are on the members' statements and paid with the usual receipts.

let f: PurchasesFixture;
freshPurchasesFixture((fixture) => { f = fixture; });

const KG = 1000;
const names = ['Rosa Quispe Huamán', 'Juana Mamani Ccori', 'Teófila Huillca Condori', 'Marcelino Ccahuana Puma', 'Eusebia Taipe Lloclla'];

function jointSeed(memberIds: number[], quantities: number[], amount: number, extra: Record<string, unknown> = {}) {
  return f.api.recordPurchase({
    associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'factura', documentNumber: 'F002-318',
    payment: 'credit', dueDate: '2026-04-10', dueDateForShares: '2026-03-31',
    lines: [{ description: 'Semilla de avena forrajera', quantity: 500 * KG, amount, category: 'joint' }],
    jointShares: { by: 'quantity', members: memberIds.map((memberId, i) => ({ memberId, quantity: quantities[i]! })) },
    ...extra,
  });
}

describe('a joint purchase of 500 kg of oat seed', () => {
  it('splits S/ 1,234.57 over 3 members by quantity, exactly to the céntimo, each a charge on her statement', () => {
    const members = names.slice(0, 3).map((name) => f.member(name));
    const purchase = jointSeed(members, [166_667, 166_667, 166_666], 123_457);
    expect(purchase).toMatchObject({ joint: true, sharesBy: 'quantity', total: 123_457, open: 123_457 });
    expect(purchase.shares.map((s) => [s.memberId, s.quantity, s.amount, s.open])).toEqual([
      [members[0], 166_667, 41_153, 41_153], [members[1], 166_667, 41_152, 41_152], [members[2], 166_666, 41_152, 41_152],
    ]);
    expect(purchase.shares.reduce((sum, s) => sum + s.amount, 0)).toBe(123_457);
    expect(entryLines(f.db, purchase.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['receivable_other', 123_457], ['payable_suppliers', -123_457],
    ]);
    // 169 is cleared by the members' charges: what the association is owed now sits on each member.
    expect(roleBalance(f.db, f.associationId, 'receivable_other')).toBe(0);
    expect(roleBalance(f.db, f.associationId, 'receivable_members')).toBe(123_457);
    expect(payableTo(f.db, f.supplierId)).toBe(123_457);
    const statement = f.api.memberStatement({ associationId: f.associationId, memberId: members[0]! });
    expect(statement.closingBalance).toBe(41_153);
    expect(statement.movements.find((m) => m.chargeId === purchase.shares[0]!.chargeId)?.concept)
      .toContain('Semilla de avena forrajera');
    const charge = f.api.listCharges({ associationId: f.associationId, memberId: members[0]! })[0]!;
    expect(charge).toMatchObject({ typeName: 'Compras conjuntas', kind: 'extraordinary', dueDate: '2026-03-31', amount: 41_153 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).ok).toBe(true);
  });

  it('splits over 5 members by quantity and one member pays her share with a receipt', () => {
    const members = names.map((name) => f.member(name));
    const purchase = jointSeed(members, [120_500, 99_750, 100_000, 79_750, 100_000], 187_999);
    const amounts = purchase.shares.map((s) => s.amount);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(187_999);
    // 187,999 × q / 500,000 is 45,307.759, 37,505.8005, 37,599.8, 29,985.8405, 37,599.8: the four céntimos left go to the four largest fractions.
    expect(amounts).toEqual([45_307, 37_506, 37_600, 29_986, 37_600]);
    const receipt = f.api.recordPayment({ associationId: f.associationId, memberId: members[1]!, date: '2026-03-20', amount: 37_506 });
    expect(receipt.total).toBe(37_506);
    const after = f.api.getPurchase({ purchaseId: purchase.id });
    expect(after.shares[1]).toMatchObject({ memberId: members[1], open: 0 });
    expect(f.api.memberPosition({ associationId: f.associationId, memberId: members[1]!, asOf: '2026-03-31' }).owed).toBe(0);

    // Her share is paid: the purchase is kept, naming her.
    const error = refused(f, 'voidPurchase', { purchaseId: purchase.id, date: '2026-03-21', reason: 'Precio equivocado' });
    expect(error).toMatchObject({ code: 'purchase.sharePaid', field: 'purchaseId' });
    expect(error.message).toContain('Juana Mamani Ccori');
    expect(error.message).toContain('375.06');

    // With the receipt voided, a share alone is still not voided: 169 would stay owed by nobody.
    f.api.voidReceipt({ receiptId: receipt.id, date: '2026-03-21', reason: 'Error' });
    const share = refused(f, 'voidCharge', { chargeId: purchase.shares[1]!.chargeId, date: '2026-03-21', reason: 'Se le perdona' });
    expect(share).toMatchObject({ code: 'charge.jointShare', field: 'chargeId' });
    expect(share.message).toContain('compra conjunta del 10/03/2026');
    expect(f.api.getPurchase({ purchaseId: purchase.id }).shares.some((s) => s.chargeVoided)).toBe(false);

    // Voiding the purchase cancels every share charge and the payable.
    const voided = f.api.voidPurchase({ purchaseId: purchase.id, date: '2026-03-21', reason: 'Precio equivocado' });
    expect(voided.shares.every((s) => s.chargeVoided && s.open === 0)).toBe(true);
    expect(roleBalance(f.db, f.associationId, 'receivable_members')).toBe(0);
    expect(roleBalance(f.db, f.associationId, 'receivable_other')).toBe(0);
    expect(payableTo(f.db, f.supplierId)).toBe(0);
    expect(f.api.memberStatement({ associationId: f.associationId, memberId: members[0]! }).closingBalance).toBe(0);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('splits by amount when the amounts add up to the joint lines, and uses one "Compras conjuntas" type for every purchase', () => {
    const [rosa, juana] = [f.member(names[0]!), f.member(names[1]!)];
    const first = f.api.recordPurchase({
      associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
      dueDate: '2026-04-10',
      lines: [
        { description: 'Vacunas contra la fiebre aftosa', amount: 30_000, category: 'joint' },
        { description: 'Flete', amount: 2_000, category: 'transport' },
      ],
      jointShares: { by: 'amount', members: [{ memberId: rosa, amount: 10_001 }, { memberId: juana, amount: 19_999 }] },
    });
    expect(first.shares.map((s) => s.amount)).toEqual([10_001, 19_999]);
    expect(first.total).toBe(32_000);
    const second = jointSeed([rosa], [500 * KG], 50_000, { documentNumber: 'F002-319' });
    expect(second.shares[0]!.amount).toBe(50_000);
    expect(f.api.listContributionTypes({ associationId: f.associationId }).filter((t) => t.name === 'Compras conjuntas')).toHaveLength(1);
  });
});

describe('joint shares refuse, naming the field, with nothing written', () => {
  const base = () => ({
    associationId: f.associationId, date: '2026-03-10', partyId: f.supplierId, documentKind: 'none', payment: 'credit',
    dueDate: '2026-04-10', lines: [{ description: 'Semilla', quantity: 500 * KG, amount: 100_000, category: 'joint' }],
  });
  it('quantities that do not add up to what was bought', () => {
    const [a, b] = [f.member(names[0]!), f.member(names[1]!)];
    const error = refused(f, 'recordPurchase', {
      ...base(), jointShares: { by: 'quantity', members: [{ memberId: a, quantity: 250 * KG }, { memberId: b, quantity: 200 * KG }] },
    });
    expect(error).toMatchObject({ code: 'purchase.shareQuantitiesMismatch', field: 'jointShares.members' });
    expect(error.message).toContain('450');
    expect(error.message).toContain('500');
  });
  it('amounts that do not add up, a member twice, an unknown member, a missing quantity, no shares, shares without joint lines', () => {
    const [a, b] = [f.member(names[0]!), f.member(names[1]!)];
    expect(refused(f, 'recordPurchase', { ...base(), jointShares: { by: 'amount', members: [{ memberId: a, amount: 99_999 }] } }))
      .toMatchObject({ code: 'purchase.shareAmountsMismatch', field: 'jointShares.members' });
    expect(refused(f, 'recordPurchase', {
      ...base(), jointShares: { by: 'quantity', members: [{ memberId: a, quantity: 250 * KG }, { memberId: a, quantity: 250 * KG }] },
    })).toMatchObject({ code: 'purchase.shareMemberTwice', field: 'jointShares.members.1.memberId' });
    expect(refused(f, 'recordPurchase', { ...base(), jointShares: { by: 'quantity', members: [{ memberId: 9_999, quantity: 500 * KG }] } }))
      .toMatchObject({ field: 'jointShares.members.0.memberId' });
    expect(refused(f, 'recordPurchase', { ...base(), jointShares: { by: 'quantity', members: [{ memberId: b, amount: 100_000 }] } }))
      .toMatchObject({ code: 'purchase.shareQuantityRequired', field: 'jointShares.members.0.quantity' });
    expect(refused(f, 'recordPurchase', {
      ...base(), jointShares: { by: 'quantity', members: [{ memberId: a, quantity: 0 }] },
    })).toMatchObject({ field: 'jointShares.members.0.quantity' });
    expect(refused(f, 'recordPurchase', base())).toMatchObject({ code: 'purchase.sharesRequired', field: 'jointShares' });
    expect(refused(f, 'recordPurchase', {
      ...base(), lines: [{ description: 'Flete', amount: 1_000, category: 'transport' }],
      jointShares: { by: 'amount', members: [{ memberId: a, amount: 1_000 }] },
    })).toMatchObject({ code: 'purchase.sharesWithoutJointLines', field: 'jointShares' });
    expect(refused(f, 'recordPurchase', {
      ...base(), dueDateForShares: '2026-03-01', jointShares: { by: 'quantity', members: [{ memberId: a, quantity: 500 * KG }] },
    })).toMatchObject({ code: 'purchase.sharesDueBeforeDate', field: 'dueDateForShares' });
  });
});

describe('shares by quantity (property)', () => {
  it('always add up to the joint amount exactly, each share near its proportion, 169 left at zero', () => {
    const local = purchasesFixture();
    try {
      const members = names.map((name) => local.member(name));
      let document = 0;
      fc.assert(fc.property(
        fc.integer({ min: 100_000, max: 50_000_000 }),
        fc.array(fc.integer({ min: 1_000, max: 400_000 }), { minLength: 1, maxLength: 5 }),
        (amount, quantities) => {
          document += 1;
          const bought = quantities.reduce((a, b) => a + b, 0);
          const purchase = local.api.recordPurchase({
            associationId: local.associationId, date: '2026-03-10', partyId: local.supplierId, documentKind: 'ticket',
            documentNumber: `T-${document}`, payment: 'credit', dueDate: '2026-04-10',
            lines: [{ description: 'Semilla', quantity: bought, amount, category: 'joint' }],
            jointShares: { by: 'quantity', members: quantities.map((quantity, i) => ({ memberId: members[i]!, quantity })) },
          });
          const shares = purchase.shares.map((s) => s.amount);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(amount);
          shares.forEach((share, i) => expect(Math.abs(share - (amount * quantities[i]!) / bought)).toBeLessThan(1));
          expect(roleBalance(local.db, local.associationId, 'receivable_other')).toBe(0);
        },
      ), { numRuns: 40 });
    } finally {
      local.env.cleanup();
    }
  });
});
