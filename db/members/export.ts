import { displayDate } from '../../shared/dates';
import { foldText } from '../../shared/text';
import type { MemberExport, OfficerPost } from '../../shared/operations/members';
import type { LedgerDatabase } from '../storage/open';
import { writeCsv } from './csv';
import { countMembers, listMembers, type MemberFilter } from './list';
import { assertAssociation, limaToday } from './rules';
import { writeWorkbook, type Cell } from './xlsx';

// The padrón as a spreadsheet, in the same columns the import reads, so an exported file
// imports back as the same members (periods beyond the last one, and posts, are not carried).

export const EXPORT_HEADERS = [
  'N°', 'DNI', 'Apellidos', 'Nombres', 'Sexo', 'Fecha de nacimiento', 'Comunidad', 'Teléfono', 'Fecha de ingreso',
  'Fecha de retiro', 'Estado', 'Cargo',
] as const;

const POST_LABELS: Record<OfficerPost, string> = {
  presidente: 'Presidente', vicepresidente: 'Vicepresidente', tesorero: 'Tesorero', secretario: 'Secretario',
  fiscal: 'Fiscal', vocal: 'Vocal',
};

export function slug(name: string): string {
  return foldText(name).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'asociacion';
}

/**
 * The padrón read from SQLite first, in one read transaction (rows and totals see the same data);
 * the workbook is then built asynchronously (ExcelJS), outside it.
 */
export async function exportMembers(
  db: LedgerDatabase,
  now: Date,
  input: { associationId: number; format: 'xlsx' | 'csv'; active?: boolean | undefined },
): Promise<MemberExport> {
  const { base, rows, summary } = db.transaction(() => readPadron(db, now, input)).deferred();
  if (input.format === 'csv') {
    const text = rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'object' ? cell.date : String(cell))));
    return { fileName: `${base}.csv`, mimeType: 'text/csv;charset=utf-8', contentBase64: Buffer.from(writeCsv(text)).toString('base64') };
  }
  const workbook = await writeWorkbook([
    { name: 'Padrón', rows, header: true, widths: [5, 11, 24, 24, 6, 13, 20, 14, 13, 13, 10, 18] },
    { name: 'Resumen', rows: summary, widths: [28, 12, 12, 12] },
  ], now);
  return {
    fileName: `${base}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: workbook.toString('base64'),
  };
}

function readPadron(
  db: LedgerDatabase,
  now: Date,
  input: { associationId: number; format: 'xlsx' | 'csv'; active?: boolean | undefined },
): { base: string; rows: Cell[][]; summary: Cell[][] } {
  const association = assertAssociation(db, input.associationId);
  const today = limaToday(now);
  const filter: MemberFilter = { associationId: input.associationId, active: input.active, asOf: today };
  const { members } = listMembers(db, filter);
  const date = (iso: string | null): Cell => (iso === null ? null : input.format === 'xlsx' ? { date: iso } : displayDate(iso));
  const rows: Cell[][] = [
    [...EXPORT_HEADERS],
    ...members.map((m, i): Cell[] => [
      i + 1, m.dni, m.surnames, m.givenNames, m.sex, date(m.birthDate), m.community, m.phone, date(m.joinedOn),
      m.active ? null : date(m.leftOn), m.active ? 'Activo' : 'Retirado', m.posts.map((p) => POST_LABELS[p.post]).join(', ') || null,
    ]),
  ];
  const base = `socios-${slug(association.name)}-${today}`;
  if (input.format === 'csv') return { base, rows, summary: [] };
  // Totals are counted by SQL over the same filter, never summed from the rows above.
  const active = countMembers(db, { ...filter, active: true });
  const retired = countMembers(db, { ...filter, active: false });
  const all = countMembers(db, filter);
  const summary: Cell[][] = [
    ['Padrón de socios — resumen'],
    ['Asociación', association.name],
    ['Fecha', { date: today }],
    [],
    ['', 'Mujeres', 'Hombres', 'Total'],
    ['Activos', active.women, active.men, active.total],
    ['Retirados', retired.women, retired.men, retired.total],
    ['Total', all.women, all.men, all.total],
  ];
  return { base, rows, summary };
}
