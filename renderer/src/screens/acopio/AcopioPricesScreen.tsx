import { useState } from 'react';
import { ApiCallError } from '../../api/client';
import { useAssociationId } from '../../app/association';
import { useOperation, useWrite } from '../../app/client';
import { useSettings } from '../../app/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Field } from '../../components/Field';
import { readAmount } from '../../format/amounts';
import { formatDate, formatMoney, parseDisplayDate, todayIso } from '../../format/format';
import type { MessageKey } from '../../i18n/messages';

/** What is paid to members per litre or kilo, by product, grade and period, and the levy per unit kept by the association. */
export function AcopioPricesScreen() {
  const { t, locale } = useSettings();
  const associationId = useAssociationId();
  const products = useOperation('listProducts', { associationId });
  const prices = useOperation('listAcopioPrices', { associationId });
  const levies = useOperation('listAcopioLevies', { associationId });
  const types = useOperation('listContributionTypes', { associationId });
  const setPrice = useWrite('setAcopioPrice');
  const setLevy = useWrite('setAcopioLevy');
  const live = products.data?.filter((p) => !p.archived) ?? [];
  const [productId, setProductId] = useState('');
  const [grade, setGrade] = useState('');
  const [fromText, setFromText] = useState(formatDate(todayIso()));
  const [toText, setToText] = useState('');
  const [priceText, setPriceText] = useState('');
  const [levyTypeId, setLevyTypeId] = useState('');
  const [error, setError] = useState<{ field?: string | undefined; message: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const product = productId || String(live[0]?.id ?? '');
  const levyTypes = types.data?.filter((type) => type.kind === 'levy_per_unit') ?? [];
  const from = parseDisplayDate(fromText);
  const to = toText.trim() === '' ? null : parseDisplayDate(toText);
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  const unitOf = (unit: string) => t(`sales.unit.${unit}` as MessageKey);

  const submit = async () => {
    setError(null);
    setSaved(null);
    const price = readAmount(priceText, locale);
    if (!from || (toText.trim() !== '' && !to)) return setError({ field: from ? 'validTo' : 'validFrom', message: t('form.dateInvalid') });
    if (price.error || price.centimos === null || price.centimos <= 0) return setError({ field: 'price', message: price.error ?? t('acopio.prices.priceRequired') });
    try {
      await setPrice.mutateAsync({ associationId, productId: Number(product), grade: grade.trim(), validFrom: from, validTo: to, price: price.centimos });
      if (levyTypeId) await setLevy.mutateAsync({ associationId, productId: Number(product), levyTypeId: levyTypeId === 'none' ? null : Number(levyTypeId), validFrom: from });
      setSaved(t('acopio.prices.saved'));
      setPriceText('');
    } catch (failure) {
      setError(failure instanceof ApiCallError ? { field: failure.field, message: failure.message } : { message: t('app.unreachable') });
    }
  };

  return (
    <>
      <p>{t('acopio.prices.lead')}</p>
      <ErrorAlert message={(products.error ?? prices.error ?? levies.error ?? types.error)?.message} />
      <div className="panel">
        <div className="form-row">
          <Field label={t('acopio.day.product')} error={fieldError('productId')}>
            <select value={product} onChange={(event) => setProductId(event.target.value)}>
              {live.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </Field>
          <Field label={t('acopio.prices.grade')} hint={t('acopio.prices.gradeHint')} error={fieldError('grade')}>
            <input type="text" value={grade} onChange={(event) => setGrade(event.target.value)} />
          </Field>
          <Field label={t('acopio.prices.price')} error={fieldError('price')}>
            <input type="text" inputMode="decimal" className="num" value={priceText} onChange={(event) => setPriceText(event.target.value)} />
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('acopio.prices.from')} hint={t('form.dateHint')} error={fieldError('validFrom')}>
            <input type="text" inputMode="numeric" value={fromText} onChange={(event) => setFromText(event.target.value)} />
          </Field>
          <Field label={t('acopio.prices.to')} hint={t('acopio.prices.toHint')} error={fieldError('validTo')}>
            <input type="text" inputMode="numeric" value={toText} onChange={(event) => setToText(event.target.value)} />
          </Field>
          <Field label={t('acopio.prices.levy')} hint={t('acopio.prices.levyHint')} error={fieldError('levyTypeId')}>
            <select value={levyTypeId} onChange={(event) => setLevyTypeId(event.target.value)}>
              <option value="">{t('acopio.prices.levyKeep')}</option>
              {levyTypes.map((type) => (
                <option key={type.id} value={type.id}>{type.name}{type.amountPerUnit !== null ? ` (${formatMoney(type.amountPerUnit)})` : ''}</option>
              ))}
              <option value="none">{t('acopio.prices.levyNone')}</option>
            </select>
          </Field>
        </div>
        {error && !['productId', 'grade', 'price', 'validFrom', 'validTo', 'levyTypeId'].includes(error.field ?? '') && <ErrorAlert message={error.message} />}
        {saved && <p role="status" className="alert alert--ok">{saved}</p>}
        <div className="actions">
          <button type="button" className="button--primary" disabled={setPrice.isPending || live.length === 0} onClick={() => void submit()}>{t('acopio.prices.save')}</button>
        </div>
      </div>
      {prices.data && (prices.data.length === 0 ? <p className="notice">{t('acopio.prices.empty')}</p> : (
        <table className="data" data-testid="acopio-prices-table">
          <caption>{t('acopio.prices.caption')}</caption>
          <thead>
            <tr>
              <th>{t('acopio.day.product')}</th>
              <th>{t('acopio.prices.grade')}</th>
              <th>{t('acopio.prices.period')}</th>
              <th className="num">{t('acopio.prices.price')}</th>
            </tr>
          </thead>
          <tbody>
            {prices.data.map((price) => (
              <tr key={price.id}>
                <td>{price.productName}</td>
                <td>{price.grade || t('acopio.prices.ungraded')}</td>
                <td>{price.validTo ? t('acopio.prices.between', { from: formatDate(price.validFrom), to: formatDate(price.validTo) }) : t('acopio.prices.since', { from: formatDate(price.validFrom) })}</td>
                <td className="num">{t('acopio.prices.perUnit', { price: formatMoney(price.price), unit: unitOf(price.unit) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {levies.data && levies.data.length > 0 && (
        <table className="data" data-testid="acopio-levies-table">
          <caption>{t('acopio.prices.leviesCaption')}</caption>
          <thead>
            <tr><th>{t('acopio.day.product')}</th><th>{t('acopio.prices.levy')}</th><th>{t('acopio.prices.from')}</th></tr>
          </thead>
          <tbody>
            {levies.data.map((levy) => (
              <tr key={levy.id}>
                <td>{levy.productName}</td>
                <td>{levy.levyName ? `${levy.levyName}${levy.amountPerUnit !== null ? ` (${formatMoney(levy.amountPerUnit)})` : ''}` : t('acopio.prices.levyNone')}</td>
                <td>{formatDate(levy.validFrom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
