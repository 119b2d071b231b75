import { Controller, useForm } from 'react-hook-form';
import type { PartySummary } from '../../../../shared/operations/parties';
import { useAssociationId } from '../../app/association';
import { useWrite } from '../../app/client';
import { useT } from '../../app/settings';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { showApiError } from '../../components/formErrors';
import { MemberSelect } from '../contributions/MemberSelect';
import { PARTY_KINDS, type PartyKind } from './purchaseWords';

interface PartyValues {
  name: string;
  kind: PartyKind;
  document: string;
  phone: string;
  district: string;
  memberId: number | null;
  note: string;
}

/**
 * "RUC o DNI" in one box, as people give it: eleven digits are a RUC, eight a DNI, nothing is
 * neither. The engine validates the digits (SUNAT's check digit for a RUC).
 */
export function readPartyDocument(typed: string): { documentType: 'ruc' | 'dni' | 'none'; documentNumber: string | null } | null {
  const digits = typed.replace(/[\s.-]/g, '');
  if (digits === '') return { documentType: 'none', documentNumber: null };
  if (/^\d{11}$/.test(digits)) return { documentType: 'ruc', documentNumber: digits };
  if (/^\d{8}$/.test(digits)) return { documentType: 'dni', documentNumber: digits };
  return null;
}

const apiFields: Record<string, keyof PartyValues> = {
  name: 'name', kind: 'kind', documentType: 'document', documentNumber: 'document', phone: 'phone', district: 'district',
  memberId: 'memberId', note: 'note',
};

/**
 * A supplier, buyer, lender, public entity or funder: new (`party` absent) or corrected. `fixedKind`
 * is the inline "Nuevo proveedor" of a purchase: the kind is known, and the form stays short.
 */
export function PartyForm({ party, fixedKind, onSaved, onCancel }: {
  party?: PartySummary;
  fixedKind?: PartyKind;
  onSaved(party: { id: number; name: string }): void;
  onCancel(): void;
}) {
  const t = useT();
  const associationId = useAssociationId();
  const create = useWrite('createParty');
  const update = useWrite('updateParty');
  const { register, control, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<PartyValues>({
    defaultValues: {
      name: party?.name ?? '', kind: party?.kind ?? fixedKind ?? 'supplier', document: party?.documentNumber ?? '',
      phone: party?.phone ?? '', district: party?.district ?? '', memberId: party?.memberId ?? null, note: party?.note ?? '',
    },
  });
  const submit = handleSubmit(async (values) => {
    if (!values.name.trim()) return setError('name', { message: t('form.required', { field: t('purchase.party.name') }) }, { shouldFocus: true });
    const document = readPartyDocument(values.document);
    if (!document) return setError('document', { message: t('purchase.party.documentInvalid') }, { shouldFocus: true });
    const fields = {
      name: values.name.trim(), kind: values.kind, ...document,
      phone: values.phone.trim() || null, district: values.district.trim() || null,
      memberId: values.memberId, note: values.note.trim() || null,
    };
    try {
      if (party) {
        const saved = await update.mutateAsync({ partyId: party.id, ...fields });
        onSaved({ id: saved.id, name: saved.name });
      } else {
        const saved = await create.mutateAsync({ associationId, ...fields });
        onSaved({ id: saved.id, name: fields.name });
      }
    } catch (failure) {
      showApiError(failure, setError, apiFields, t('app.unreachable'));
    }
  });
  const title = party ? t('purchase.party.editTitle', { name: party.name }) : fixedKind === 'supplier' ? t('purchase.party.newSupplier') : t('purchase.party.newTitle');
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <div className="form-row">
        <Field label={t('purchase.party.name')} error={errors.name?.message}>
          <input type="text" autoComplete="off" {...register('name')} />
        </Field>
        {!fixedKind && (
          <Field label={t('purchase.party.kind')} error={errors.kind?.message}>
            <select {...register('kind')}>
              {PARTY_KINDS.map((kind) => <option key={kind} value={kind}>{t(`purchase.party.kind.${kind}`)}</option>)}
            </select>
          </Field>
        )}
        <Field label={t('purchase.party.document')} hint={t('purchase.party.documentHint')} error={errors.document?.message}>
          <input type="text" inputMode="numeric" autoComplete="off" {...register('document')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('purchase.party.phone')} error={errors.phone?.message}>
          <input type="tel" autoComplete="off" {...register('phone')} />
        </Field>
        <Field label={t('purchase.party.district')} error={errors.district?.message}>
          <input type="text" autoComplete="off" {...register('district')} />
        </Field>
        {!fixedKind && (
          <Controller control={control} name="memberId" render={({ field }) => (
            <Field label={t('purchase.party.member')} hint={t('purchase.party.memberHint')} error={errors.memberId?.message}>
              <MemberSelect value={field.value} onChange={field.onChange} includeFormer />
            </Field>
          )} />
        )}
      </div>
      {!fixedKind && (
        <Field label={t('purchase.party.note')} error={errors.note?.message}>
          <input type="text" {...register('note')} />
        </Field>
      )}
      <FormActions error={errors.root?.message} submitting={isSubmitting} submitLabel={party ? t('purchase.party.saveChanges') : t('purchase.party.create')}
        cancel={{ label: t('action.cancel'), onClick: onCancel }} />
    </form>
  );
}
