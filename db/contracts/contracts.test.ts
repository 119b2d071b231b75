import { describe, expect, it } from 'vitest';
import { dispatch } from '../api';
import { checkIntegrity } from '../integrity/check';
import { onHand } from '../testing/fixture';
import { contractReceivable, counts, freshContractsFixture, type ContractsFixture } from './testing';

// Contracts on a real file: terms and adendas, deliveries out of stock, actas, invoices and
// collections with their deductions, the sheet's figures against the journal, and every refusal
// naming its field with nothing written.

let f: ContractsFixture;
freshContractsFixture((fixture) => { f = fixture; });

const L = 1000;
const refused = (operation: string, input: unknown) => {
  const before = counts(f.db);
  const answer = dispatch(f.api, operation, input);
  expect(answer.ok).toBe(false);
  expect(counts(f.db)).toEqual(before);
  return (answer as { ok: false; error: { code: string; field?: string; message: string } }).error;
};
const entryRoles = (entryId: number) => (f.db.prepare(`SELECT a.role, l.amount, l.contract_id AS contractId, l.party_id AS partyId
    FROM journal_lines l JOIN accounts a ON a.id = l.account_id WHERE l.entry_id = ? ORDER BY l.line_no`).all(entryId) as
  { role: string; amount: number; contractId: number | null; partyId: number | null }[]);

/** A contract with stock for it, one delivery of 1,000 l on `date`, accepted whole. */
function deliveredAndAccepted(date = '2026-01-20') {
  f.receive(f.milkId, 20_000 * L, 100);
  const contractId = f.contract();
  const delivery = f.api.recordDelivery({ contractId, date, lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
  f.api.acceptDelivery({ deliveryId: delivery.id, actaNumber: 'ACTA-001', date });
  return { contractId, deliveryId: delivery.id };
}

describe('a contract and its terms', () => {
  it('records version 0 with its items and schedule, and adendas keep the history', () => {
    const contractId = f.contract();
    const contract = f.api.getContract({ contractId });
    expect(contract).toMatchObject({
      number: 'CONTRATO N° 014-2026-MDCH', programme: 'Vaso de Leche', status: 'in_force', penaltyCapBp: 1000, value: 1_800_000,
      entity: { name: 'Municipalidad Distrital de Chincheros' },
    });
    expect(contract.schedule).toHaveLength(12);
    const amended = f.api.amendContract({
      contractId, number: 'Adenda N° 1', date: '2026-06-01', reason: 'Aumento del 10% de beneficiarios', endDate: '2027-01-31',
      items: [{ productId: f.milkId, quantity: 13_200 * L, unitPrice: 160 }],
      schedule: Array.from({ length: 12 }, (_, i) => ({
        dueDate: `2026-${String(i + 1).padStart(2, '0')}-28`, productId: f.milkId, quantity: 1_100 * L,
      })),
    });
    expect(amended.versions.map((v) => [v.version, v.value])).toEqual([[0, 1_800_000], [1, 2_112_000]]);
    expect(amended).toMatchObject({ value: 2_112_000, endDate: '2027-01-31' });
    // A delivery before the adenda is priced and counted by version 0; after it, by version 1.
    f.receive(f.milkId, 5_000 * L, 100);
    const early = f.api.recordDelivery({ contractId, date: '2026-01-20', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(early.lines[0]).toMatchObject({ unitPrice: 150, scheduleLineNo: 1, daysLate: 0 });
    const later = f.api.recordDelivery({ contractId, date: '2026-06-10', lines: [{ productId: f.milkId, quantity: 1_100 * L }] });
    // Line 1 of version 1 is 1,100 l: 1,000 delivered, so the earliest unfilled is still line 1 (late).
    expect(later.lines[0]).toMatchObject({ unitPrice: 160, scheduleLineNo: 1, amount: 176_000 });
    expect(f.api.getContract({ contractId }).versions[0]!.items[0]!.unitPrice).toBe(150);
  });

  it('refuses a party that is not a public entity, a repeated number, a schedule that does not add up', () => {
    const buyer = f.api.createParty({ associationId: f.associationId, name: 'Bodega Rosita', kind: 'buyer', documentType: 'none', documentNumber: null }).id;
    const base = {
      associationId: f.associationId, partyId: f.entityId, number: 'C-1', signedOn: '2026-01-05', endDate: '2026-12-31',
      items: [{ productId: f.milkId, quantity: 100 * L, unitPrice: 150 }],
    };
    expect(refused('createContract', { ...base, partyId: buyer })).toMatchObject({ code: 'contract.partyNotPublic', field: 'partyId' });
    expect(refused('createContract', { ...base, schedule: [{ dueDate: '2026-02-01', productId: f.milkId, quantity: 50 * L }] }))
      .toMatchObject({ code: 'contract.scheduleMismatch', field: 'schedule' });
    expect(refused('createContract', { ...base, endDate: null })).toMatchObject({ code: 'contract.endRequired', field: 'endDate' });
    const made = f.api.createContract({ ...base, termDays: null });
    expect(made.schedule).toEqual([expect.objectContaining({ dueDate: '2026-12-31', quantity: 100 * L })]);
    const error = refused('createContract', base);
    expect(error).toMatchObject({ code: 'contract.numberTaken', field: 'number' });
    expect(error.message).toContain('C-1');
  });
});

describe('deliveries', () => {
  it('take stock out at weighted average cost with the contract on the entry, numbered 001-000001 onwards', () => {
    f.receive(f.milkId, 3_000 * L, 120);
    const contractId = f.contract();
    const first = f.api.recordDelivery({ contractId, date: '2026-01-20', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(first).toMatchObject({ formattedNumber: '001-000001', amount: 150_000, cost: 120_000, stage: 'pending', acceptance: null });
    expect(entryRoles(first.entryId)).toEqual([
      { role: 'cost_of_sales_products', amount: 120_000, contractId, partyId: null },
      { role: 'inventory_products', amount: -120_000, contractId, partyId: null },
    ]);
    expect(onHand(f.db, f.milkId)).toEqual({ quantity: 2_000 * L, value: 240_000 });
    const second = f.api.recordDelivery({ contractId, date: '2026-02-27', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(second).toMatchObject({ formattedNumber: '001-000002' });
    expect(second.lines[0]).toMatchObject({ scheduleLineNo: 2 });
    expect(f.api.recordDeliveryPrint({ deliveryId: second.id })).toEqual({ copy: 'original', printCount: 1 });
    expect(f.api.recordDeliveryPrint({ deliveryId: second.id })).toEqual({ copy: 'duplicado', printCount: 2 });
    const voided = f.api.voidDelivery({ deliveryId: second.id, date: '2026-02-28', reason: 'Registrada dos veces' });
    expect(voided.status).toBe('voided');
    expect(onHand(f.db, f.milkId)).toEqual({ quantity: 2_000 * L, value: 240_000 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('a late delivery shows the penalty the entity may deduct', () => {
    f.receive(f.milkId, 3_000 * L, 100);
    const contractId = f.contract();
    // Line 1 due 28/01 (term 23 days from 05/01): 5 days late. 10 × 150,000 × 5 ÷ (40 × 23) = 8,152.17 → 8,152.
    const late = f.api.recordDelivery({ contractId, date: '2026-02-02', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(late.lines[0]).toMatchObject({ scheduleLineNo: 1, daysLate: 5 });
    expect(late.penalties).toEqual([expect.objectContaining({ daysLate: 5, termDays: 23, amount: 150_000, factor: 40, penalty: 8_152 })]);
    const sheet = f.api.contractSheet({ contractId });
    expect(sheet.deliveries[0]).toMatchObject({ daysLate: 5, penalty: 8_152 });
    expect(sheet).toMatchObject({ penaltiesMayDeduct: 8_152, penaltyCap: 180_000 });
  });

  it('refuses more than the contract has left, a contract not in force, a date before signing or inside the closed period', () => {
    f.receive(f.milkId, 20_000 * L, 100);
    const contractId = f.contract({ months: 2 });
    const above = refused('recordDelivery', { contractId, date: '2026-01-20', lines: [{ productId: f.milkId, quantity: 2_001 * L }] });
    expect(above).toMatchObject({ code: 'contractDelivery.aboveRemaining', field: 'lines.0.quantity' });
    expect(above.message).toBe('Se quiere entregar 2,001 l de «Leche fresca», pero al contrato solo le falta 2,000 l.');
    expect(refused('recordDelivery', { contractId, date: '2026-01-04', lines: [{ productId: f.milkId, quantity: L }] }))
      .toMatchObject({ code: 'contractDelivery.beforeSigned', field: 'date' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-01-31' });
    expect(refused('recordDelivery', { contractId, date: '2026-01-31', lines: [{ productId: f.milkId, quantity: L }] }))
      .toMatchObject({ code: 'entry.locked', field: 'date' });
    f.api.setContractStatus({ contractId, status: 'terminated', reason: 'Resuelto por la entidad' });
    expect(refused('recordDelivery', { contractId, date: '2026-02-10', lines: [{ productId: f.milkId, quantity: L }] }))
      .toMatchObject({ code: 'contract.notInForce', field: 'contractId' });
  });

  it('rejected quantity is owed again and, when asked, comes back into the store at the cost it left with', () => {
    f.receive(f.milkId, 3_000 * L, 100);
    const contractId = f.contract({ months: 2 });
    const delivery = f.api.recordDelivery({ contractId, date: '2026-01-20', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    const accepted = f.api.acceptDelivery({
      deliveryId: delivery.id, actaNumber: 'ACTA 01', date: '2026-01-21', returnRejected: true,
      lines: [{ lineNo: 1, acceptedQuantity: 900 * L }],
    });
    expect(accepted.lines[0]).toMatchObject({ acceptedQuantity: 900 * L, rejectedQuantity: 100 * L, acceptedAmount: 135_000 });
    expect(accepted.acceptance).toMatchObject({ returnedToStock: true, returnedCost: 10_000, acceptedAmount: 135_000 });
    expect(onHand(f.db, f.milkId)).toEqual({ quantity: 2_100 * L, value: 210_000 });
    // 2,000 l in the contract, 900 net delivered: 1,100 l still owed.
    expect(refused('recordDelivery', { contractId, date: '2026-01-25', lines: [{ productId: f.milkId, quantity: 1_101 * L }] }))
      .toMatchObject({ code: 'contractDelivery.aboveRemaining' });
    expect(refused('amendContract', {
      contractId, number: 'Adenda 1', date: '2026-01-26', reason: 'Menos', items: [{ productId: f.milkId, quantity: 899 * L, unitPrice: 150 }],
    })).toMatchObject({ code: 'contract.belowDelivered', field: 'items.0.quantity' });
    expect(refused('voidDelivery', { deliveryId: delivery.id, date: '2026-01-22', reason: 'x' }))
      .toMatchObject({ code: 'contractDelivery.accepted', field: 'deliveryId' });
    f.api.voidAcceptance({ acceptanceId: accepted.acceptance!.id, date: '2026-01-22', reason: 'Acta mal registrada' });
    expect(onHand(f.db, f.milkId)).toEqual({ quantity: 2_000 * L, value: 200_000 });
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });
});

describe('invoices and collections', () => {
  it('post the receivable with the entity and the contract, and collections with withholding or detracción', () => {
    const { contractId, deliveryId } = deliveredAndAccepted();
    const invoice = f.api.recordContractInvoice({ contractId, number: 'e001 - 123', date: '2026-01-25', deliveryIds: [deliveryId], igv: 27_000 });
    expect(invoice).toMatchObject({ number: 'E001-123', subtotal: 150_000, igv: 27_000, total: 177_000, pending: 177_000 });
    expect(entryRoles(invoice.entryId)).toEqual([
      { role: 'receivable_customers', amount: 177_000, contractId, partyId: f.entityId },
      { role: 'sales_products', amount: -150_000, contractId, partyId: null },
      { role: 'taxes_payable', amount: -27_000, contractId, partyId: null },
    ]);
    const first = f.api.recordContractCollection({
      invoiceId: invoice.id, date: '2026-02-15', accountId: f.roleId('bank'), received: 100_000, igvWithheld: 5_310,
      withholdingVoucher: 'R001-45',
    });
    expect(first).toMatchObject({ total: 105_310, pendingAfter: 71_690, accountKind: 'bank' });
    expect(entryRoles(first.entryId).map((l) => [l.role, l.amount])).toEqual([
      ['bank', 100_000], ['taxes_payable', 5_310], ['receivable_customers', -105_310],
    ]);
    const second = f.api.recordContractCollection({
      invoiceId: invoice.id, date: '2026-03-01', received: 60_000, penalty: 8_152, otherDeductions: 3_538, otherDescription: 'Comisión',
    });
    expect(second.pendingAfter).toBe(0);
    const sheet = f.api.contractSheet({ contractId });
    expect(sheet.totals).toMatchObject({
      delivered: 150_000, accepted: 150_000, invoicedSubtotal: 150_000, invoiced: 177_000, collected: 160_000, deductions: 17_000,
      pending: 0, acceptedNotInvoiced: 0,
    });
    expect(sheet.deductions).toEqual({ igvWithheld: 5_310, detraction: 0, penalty: 8_152, other: 3_538, total: 17_000 });
    expect(contractReceivable(f.db, contractId)).toBe(0);
    f.api.voidContractCollection({ collectionId: second.id, date: '2026-03-02', reason: 'Monto errado' });
    expect(f.api.contractSheet({ contractId }).totals.pending).toBe(71_690);
    expect(contractReceivable(f.db, contractId)).toBe(71_690);
    const detraction = f.api.recordContractCollection({
      invoiceId: invoice.id, date: '2026-03-03', received: 50_000, detraction: 21_690, detractionConstancia: '0012345',
    });
    expect(entryRoles(detraction.entryId).map((l) => l.role)).toEqual(['cash', 'bank_detraction', 'receivable_customers']);
    expect(checkIntegrity(f.db, { associationId: f.associationId }).findings).toEqual([]);
  });

  it('refuses a number reused for the entity, a delivery not accepted or already invoiced, more than accepted', () => {
    const { contractId, deliveryId } = deliveredAndAccepted();
    const other = f.api.recordDelivery({ contractId, date: '2026-02-20', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(refused('recordContractInvoice', { contractId, number: 'E001-1', date: '2026-02-21', deliveryIds: [other.id] }))
      .toMatchObject({ code: 'contractInvoice.deliveryNotAccepted', field: 'deliveryIds.0' });
    expect(refused('recordContractInvoice', { contractId, number: 'E001-1', date: '2026-01-25', deliveryIds: [deliveryId], subtotal: 150_001 }))
      .toMatchObject({ code: 'contractInvoice.aboveAccepted', field: 'subtotal' });
    f.api.recordContractInvoice({ contractId, number: 'E001-1', date: '2026-01-25', deliveryIds: [deliveryId] });
    f.api.acceptDelivery({ deliveryId: other.id, actaNumber: 'ACTA-002', date: '2026-02-21' });
    const reused = refused('recordContractInvoice', { contractId, number: 'e001-1', date: '2026-02-22', deliveryIds: [other.id] });
    expect(reused).toMatchObject({ code: 'contractInvoice.numberTaken', field: 'number' });
    expect(reused.message).toBe('La factura E001-1 de esta entidad ya está registrada (del 25/01/2026).');
    expect(refused('recordContractInvoice', { contractId, number: 'E001-2', date: '2026-02-22', deliveryIds: [deliveryId] }))
      .toMatchObject({ code: 'contractInvoice.deliveryInvoiced', field: 'deliveryIds.0' });
    expect(refused('acceptDelivery', { deliveryId: other.id, actaNumber: 'ACTA-009', date: '2026-02-22' }))
      .toMatchObject({ code: 'contractAcceptance.already', field: 'deliveryId' });
  });

  it('refuses a collection above what is pending, withholding with detracción, a missing voucher, the closed period', () => {
    const { contractId, deliveryId } = deliveredAndAccepted();
    const invoice = f.api.recordContractInvoice({ contractId, number: 'E001-9', date: '2026-01-25', deliveryIds: [deliveryId] });
    const above = refused('recordContractCollection', { invoiceId: invoice.id, date: '2026-02-01', received: 140_000, penalty: 10_001 });
    expect(above).toMatchObject({ code: 'contractCollection.abovePending', field: 'received' });
    expect(above.message).toBe('El cobro suma S/ 1,500.01, más de lo pendiente de la factura E001-9 (S/ 1,500.00).');
    expect(refused('recordContractCollection', {
      invoiceId: invoice.id, date: '2026-02-01', received: 100, igvWithheld: 100, withholdingVoucher: 'R1', detraction: 100,
      detractionConstancia: 'C1',
    })).toMatchObject({ code: 'contractCollection.withholdingAndDetraction', field: 'detraction' });
    expect(refused('recordContractCollection', { invoiceId: invoice.id, date: '2026-02-01', received: 100, igvWithheld: 100 }))
      .toMatchObject({ code: 'contractCollection.voucherRequired', field: 'withholdingVoucher' });
    f.api.recordContractCollection({ invoiceId: invoice.id, date: '2026-02-01', received: 50_000 });
    expect(refused('voidContractInvoice', { invoiceId: invoice.id, date: '2026-02-02', reason: 'x' }))
      .toMatchObject({ code: 'contractInvoice.hasCollections', field: 'invoiceId' });
    f.api.setLockDate({ associationId: f.associationId, lockDate: '2026-02-28' });
    expect(refused('recordContractCollection', { invoiceId: invoice.id, date: '2026-02-28', received: 100 }))
      .toMatchObject({ code: 'entry.locked', field: 'date' });
  });
});

describe('more refusals, each naming its field with nothing written', () => {
  it('an acta before its delivery or above it, a repeated acta number; a voided invoice frees its number', () => {
    const { contractId, deliveryId } = deliveredAndAccepted('2026-01-20');
    const other = f.api.recordDelivery({ contractId, date: '2026-02-20', lines: [{ productId: f.milkId, quantity: 1_000 * L }] });
    expect(refused('acceptDelivery', { deliveryId: other.id, actaNumber: 'ACTA-002', date: '2026-02-19' }))
      .toMatchObject({ code: 'contractAcceptance.beforeDelivery', field: 'date' });
    const above = refused('acceptDelivery', {
      deliveryId: other.id, actaNumber: 'ACTA-002', date: '2026-02-21', lines: [{ lineNo: 1, acceptedQuantity: 1_000 * L + 1 }],
    });
    expect(above).toMatchObject({ code: 'contractAcceptance.aboveDelivered', field: 'lines.0.acceptedQuantity' });
    expect(refused('acceptDelivery', { deliveryId: other.id, actaNumber: 'ACTA-001', date: '2026-02-21' }))
      .toMatchObject({ code: 'contractAcceptance.actaTaken', field: 'actaNumber' });
    const invoice = f.api.recordContractInvoice({ contractId, number: 'E001-7', date: '2026-01-25', deliveryIds: [deliveryId] });
    f.api.voidContractInvoice({ invoiceId: invoice.id, date: '2026-01-26', reason: 'Monto errado' });
    const again = f.api.recordContractInvoice({ contractId, number: 'E001-7', date: '2026-01-26', deliveryIds: [deliveryId], subtotal: 140_000 });
    expect(again).toMatchObject({ number: 'E001-7', subtotal: 140_000, total: 140_000, status: 'valid' });
    expect(f.api.contractSheet({ contractId }).totals).toMatchObject({ acceptedNotInvoiced: 10_000, pending: 140_000 });
    expect(refused('voidDelivery', { deliveryId, date: '2026-01-19', reason: 'x' })).toMatchObject({ code: 'contractDelivery.voidBeforeDate', field: 'date' });
  });

  it('the delivery note carries what the print needs, and the list its progress', () => {
    const { contractId, deliveryId } = deliveredAndAccepted();
    const note = f.api.getDelivery({ deliveryId });
    expect(note).toMatchObject({
      formattedNumber: '001-000001', contractNumber: 'CONTRATO N° 014-2026-MDCH', programme: 'Vaso de Leche',
      entity: { name: 'Municipalidad Distrital de Chincheros' }, stage: 'accepted', acceptance: { actaNumber: 'ACTA-001' },
      association: { name: 'Asociación de Productores Lecheros Virgen de Cocharcas' },
    });
    expect(note.lines[0]).toMatchObject({ productName: 'Leche fresca', unit: 'l', acceptedQuantity: 1_000 * L, rejectedQuantity: 0 });
    const [row] = f.api.listContracts({ associationId: f.associationId });
    expect(row).toMatchObject({ id: contractId, deliveries: 1, pendingAcceptance: 0, delivered: 150_000, deliveredShareBp: 833, status: 'in_force' });
    expect(f.api.listContracts({ associationId: f.associationId, status: 'completed' })).toEqual([]);
  });
});

describe('the database itself', () => {
  it('refuses changing or deleting documents, and a reversal outside their void', () => {
    const { contractId, deliveryId } = deliveredAndAccepted();
    expect(() => f.db.prepare('UPDATE contract_deliveries SET amount = 1 WHERE id = ?').run(deliveryId)).toThrow('contractDelivery.immutable');
    expect(() => f.db.prepare('DELETE FROM contract_acceptances').run()).toThrow('contractAcceptance.immutable');
    expect(() => f.db.prepare('UPDATE contract_items SET quantity = 1').run()).toThrow('contract.immutable');
    expect(() => f.db.prepare("UPDATE contracts SET number = 'X' WHERE id = ?").run(contractId)).toThrow('contract.immutable');
    const delivery = f.api.getDelivery({ deliveryId });
    const answer = dispatch(f.api, 'reverseEntry', { entryId: delivery.entryId, date: '2026-01-30', description: 'x' });
    expect(answer.ok).toBe(false);
  });
});
