import { useEffect, useMemo, useState, type Ref } from 'react';
import type { PartySummary } from '../../../../shared/operations/parties';
import { foldText } from '../../../../shared/text';
import { useT } from '../../app/settings';
import { Combobox, matchOptions } from './Combobox';

const partyWords = (party: PartySummary) => `${party.name} ${party.documentNumber ?? ''}`;

/**
 * Who the purchase is from: typed by name or RUC/DNI, accents ignored ("nunez" finds "Núñez"),
 * suppliers first; the list is the parties register, archived ones left out.
 */
export function SupplierPicker({ parties, value, onChange, onPicked, id, ref, ...aria }: {
  parties: readonly PartySummary[];
  value: number | null;
  onChange(partyId: number | null): void;
  /** After a pick with Enter or the mouse (the form moves on to the next field). */
  onPicked?(): void;
  ref?: Ref<HTMLInputElement>;
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}) {
  const t = useT();
  const chosen = parties.find((p) => p.id === value) ?? null;
  const [text, setText] = useState(chosen?.name ?? '');
  // A supplier created inline arrives as a new value: show its name.
  useEffect(() => {
    if (chosen) setText(chosen.name);
  }, [chosen]);
  const offered = useMemo(() => [...parties]
    .filter((p) => !p.archived)
    .sort((a, b) => Number(b.kind === 'supplier') - Number(a.kind === 'supplier') || a.name.localeCompare(b.name, 'es')), [parties]);
  const options = matchOptions(offered, text, partyWords, foldText).map((p) => ({
    id: p.id, label: p.name,
    detail: [p.documentNumber ? `${p.documentType.toUpperCase()} ${p.documentNumber}` : '', p.kind === 'supplier' ? '' : t(`purchase.party.kind.${p.kind}`)]
      .filter(Boolean).join(' · ') || undefined,
  }));
  return (
    <Combobox {...(id ? { id } : {})} {...aria} ref={ref} text={text} options={chosen && text === chosen.name ? [] : options}
      onTextChange={(typed) => {
        setText(typed);
        if (value !== null) onChange(null);
      }}
      onPick={(option) => {
        setText(option.label);
        onChange(option.id);
        onPicked?.();
      }} />
  );
}
