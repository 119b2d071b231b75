import type { SelectHTMLAttributes } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';

interface PartySelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: number | null;
  onChange(partyId: number | null): void;
  /** The first option: "Venta al público" on a sale (no buyer), "Elija…" where a party is required. */
  emptyLabel: string;
}

/**
 * The parties register as a select, buyers first: an association sells to a handful of fixed
 * buyers (a dairy, a shop), and a supplier or a member who buys now and then follows. Typed-ahead
 * by the browser like the member select.
 */
export function PartySelect({ value, onChange, emptyLabel, ...props }: PartySelectProps) {
  const t = useT();
  const associationId = useAssociationId();
  const parties = useOperation('listParties', { associationId });
  const list = [...(parties.data ?? [])]
    .filter((p) => !p.archived || p.id === value)
    .sort((a, b) => Number(b.kind === 'buyer') - Number(a.kind === 'buyer') || a.name.localeCompare(b.name, 'es'));
  return (
    <select {...props} value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
      <option value="">{emptyLabel}</option>
      {list.map((p) => (
        <option key={p.id} value={p.id}>
          {`${p.name}${p.documentNumber ? ` — ${p.documentNumber}` : ''}${p.kind === 'buyer' ? '' : ` (${t(`sales.partyKind.${p.kind}`)})`}`}
        </option>
      ))}
    </select>
  );
}
