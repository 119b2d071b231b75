import { foldText } from '../../../../shared/text';

/**
 * Whole units typed by people ("2", "1.5", "0,250") → thousandths, the engine's unit for
 * quantities. null when empty; undefined when unreadable (more than three decimals, letters).
 */
export function readQuantity(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(trimmed);
  if (!match) return undefined;
  return Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
}

/** Thousandths as people write them: 2000 → "2", 1500 → "1.5", 250 → "0.25". */
export function formatQuantity(thousandths: number): string {
  const sign = thousandths < 0 ? '-' : '';
  const whole = Math.trunc(Math.abs(thousandths) / 1000);
  const fraction = String(Math.abs(thousandths) % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface NamedProduct {
  id: number;
  name: string;
}

/**
 * The product a typed name means, accent- and case-insensitively ("queso andino" finds
 * "Queso andino", "cuy" finds "Cuy entero" when it is the only one): an exact name first,
 * then the one name that starts with it, then the one that contains it. Several candidates
 * or none → the list of candidates (empty when none), so the cell can say which.
 */
export function matchProduct<P extends NamedProduct>(typed: string, products: readonly P[]): { product: P } | { candidates: P[] } {
  const wanted = foldText(typed);
  if (wanted === '') return { candidates: [] };
  const folded = products.map((product) => ({ product, name: foldText(product.name) }));
  const exact = folded.filter((p) => p.name === wanted);
  if (exact.length === 1) return { product: exact[0]!.product };
  for (const test of [(name: string) => name.startsWith(wanted), (name: string) => name.includes(wanted)]) {
    const found = folded.filter((p) => test(p.name));
    if (found.length === 1) return { product: found[0]!.product };
    if (found.length > 1) return { candidates: found.map((p) => p.product) };
  }
  return { candidates: [] };
}
