import type { SelectHTMLAttributes } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useAssociationId } from '../../app/association';
import { useOperation } from '../../app/client';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';

interface MemberSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  value: number | null;
  onChange(memberId: number | null): void;
  /**
   * Also offer members who have left but still owe or hold credit in favour (Cobrar): a member
   * who leaves can still settle her debt or take her credit back.
   */
  includeWithBalance?: boolean;
  /** Every member, those who left included (correcting a document recorded before she left). */
  includeFormer?: boolean;
}

/** Active members by surname; a padrón of 10–40 fits a plain select, typed-ahead by the browser. */
export function MemberSelect({ value, onChange, includeWithBalance = false, includeFormer = false, ...props }: MemberSelectProps) {
  const t = useT();
  const associationId = useAssociationId();
  const members = useOperation('listMembers', includeWithBalance || includeFormer ? { associationId } : { associationId, active: true });
  const positions = useOperation('memberPositions', { associationId }, { enabled: includeWithBalance });
  const withBalance = new Set((positions.data?.rows ?? []).map((row) => row.memberId));
  const offered = (members.data?.members ?? []).filter((m) => includeFormer || m.active || withBalance.has(m.id) || m.id === value);
  return (
    <select {...props} value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
      <option value="">{t('contrib.choose')}</option>
      {offered.map((m) => (
        <option key={m.id} value={m.id}>
          {`${m.surnames}, ${m.givenNames}${m.dni ? ` — ${m.dni}` : ''}${m.active ? '' : ` ${t('contrib.memberLeft')}`}`}
        </option>
      ))}
    </select>
  );
}

/** The member a contribution form is for: its react-hook-form field `memberId`, labelled, with its error. */
export function MemberField<Values extends FieldValues & { memberId: number | null }>({ control, error }: {
  control: Control<Values>;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <Controller control={control} name={'memberId' as Path<Values>} render={({ field }) => (
      <Field label={t('contrib.charge.member')} error={error}>
        <MemberSelect value={field.value as number | null} onChange={field.onChange} />
      </Field>
    )} />
  );
}
