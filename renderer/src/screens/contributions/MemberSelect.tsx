import type { SelectHTMLAttributes } from 'react';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';

interface MemberSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: number | null;
  onChange(memberId: number | null): void;
}

/** Active members by surname; a padrón of 10–40 fits a plain select, typed-ahead by the browser. */
export function MemberSelect({ value, onChange, ...props }: MemberSelectProps) {
  const t = useT();
  const associationId = useAssociationId();
  const members = useOperation('listMembers', { associationId, active: true });
  return (
    <select {...props} value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
      <option value="">{t('contrib.choose')}</option>
      {(members.data?.members ?? []).map((m) => (
        <option key={m.id} value={m.id}>{`${m.surnames}, ${m.givenNames}${m.dni ? ` — ${m.dni}` : ''}`}</option>
      ))}
    </select>
  );
}
