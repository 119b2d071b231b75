import type { AccountView } from '../../../../shared/results';
import { foldText } from '../../../../shared/text';

/** One line of the chart as the table shows it. */
export interface ChartRow {
  account: AccountView;
  /** 0 for the PCGE elements (1 Activo disponible…), 1 for 2-digit accounts, and so on. */
  depth: number;
  /** Has sub-accounts among the rows being shown, so it gets a disclosure button. */
  hasChildren: boolean;
  expanded: boolean;
}

export interface ChartFilter {
  search: string;
  showArchived: boolean;
  /** Ids of the headings the user opened; ignored while searching (everything is open). */
  expanded: ReadonlySet<number>;
}

/** Code prefix ("104"), or a piece of the name or the official PCGE name, ignoring accents and case. */
export function matchesSearch(account: AccountView, search: string): boolean {
  const term = search.trim();
  if (!term) return true;
  const folded = foldText(term);
  return account.code.startsWith(term) || foldText(account.name).includes(folded) || foldText(account.pcgeName).includes(folded);
}

/** The headings a chart starts with open: the PCGE elements, so the 2-digit accounts show. */
export function defaultExpanded(accounts: readonly AccountView[]): Set<number> {
  return new Set(accounts.filter((a) => a.parentId === null).map((a) => a.id));
}

/** Every ancestor of an account, nearest first. */
export function ancestorIds(accounts: readonly AccountView[], accountId: number): number[] {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const ids: number[] = [];
  for (let id = byId.get(accountId)?.parentId ?? null; id !== null; id = byId.get(id)?.parentId ?? null) ids.push(id);
  return ids;
}

/**
 * The rows to draw, in tree order (codes sort parents first). A matching
 * account always brings its ancestors along, so a result never floats
 * without the heading it belongs to.
 */
export function visibleRows(accounts: readonly AccountView[], filter: ChartFilter): ChartRow[] {
  const sorted = [...accounts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byId = new Map(sorted.map((a) => [a.id, a]));
  const searching = filter.search.trim() !== '';

  const shown = new Set<number>();
  for (const account of sorted) {
    if (account.archived && !filter.showArchived) continue;
    if (!matchesSearch(account, filter.search)) continue;
    for (let id: number | null = account.id; id !== null && !shown.has(id); id = byId.get(id)?.parentId ?? null) shown.add(id);
  }
  const withChildren = new Set<number>();
  for (const id of shown) {
    const parentId = byId.get(id)?.parentId;
    if (parentId != null) withChildren.add(parentId);
  }

  const rows: ChartRow[] = [];
  const depthOf = new Map<number, number>();
  for (const account of sorted) {
    if (!shown.has(account.id)) continue;
    const parentDepth = account.parentId === null ? undefined : depthOf.get(account.parentId);
    const depth = parentDepth === undefined ? 0 : parentDepth + 1;
    depthOf.set(account.id, depth);
    const open = (id: number) => searching || filter.expanded.has(id);
    let visible = true;
    for (let id = account.parentId; id !== null; id = byId.get(id)?.parentId ?? null) {
      if (!open(id)) {
        visible = false;
        break;
      }
    }
    if (visible) rows.push({ account, depth, hasChildren: withChildren.has(account.id), expanded: open(account.id) });
  }
  return rows;
}
