import type { KeyboardEvent } from 'react';
import { Controller, useWatch, type Control, type FieldErrors, type UseFieldArrayReturn, type UseFormReturn } from 'react-hook-form';
import type { ProductSummary } from '../../../../shared/operations/stock';
import { purchaseCategoryKeys, type PurchaseCategory } from '../../../../shared/operations/purchases';
import type { AccountView } from '../../../../shared/results';
import { formatAmount } from '../../../../shared/money';
import { foldText } from '../../../../shared/text';
import { useSettings } from '../../app/settings';
import { AccountPicker, accountLabel } from '../../components/AccountPicker';
import { Field } from '../../components/Field';
import { readAmount } from '../../format/amounts';
import { Combobox, matchOptions } from './Combobox';
import { emptyLine, isBlankLine, lineAmount, type PurchaseValues } from './purchaseRequest';
import { quantityWithUnit } from './purchaseWords';

/** The inventory account a stock line of this product debits, by what the product is. */
const inventoryRole: Record<ProductSummary['category'], string> = {
  goods: 'inventory_goods', product: 'inventory_products', raw_material: 'inventory_raw_materials', supply: 'inventory_supplies',
};
const categoryRoles: Record<PurchaseCategory, string | null> = {
  stock: null, supplies_consumed: 'purchases_supplies', services: 'services_expense', transport: 'transport_expense',
  day_labour: 'personnel_expense', equipment: 'equipment', animals: 'biological_assets', other: 'other_expense', joint: 'receivable_other',
};
/** What a treasurer picks from: a joint line is made by "Compra para socios", not chosen line by line. */
const choosableCategories = purchaseCategoryKeys.filter((c) => c !== 'joint');

type Cell = 'what' | 'quantity' | 'price' | 'amount' | 'category';

/**
 * The lines of a purchase, typed with the keyboard alone: the product (picked from the store's
 * list with the arrows and Enter) or a concept in words, the quantity, the unit price or the
 * amount, and what it was for in plain words. Enter goes to the next cell; past the last one a
 * new line appears; Enter on an empty new line goes on to the rest of the form.
 */
export function PurchaseLines({ form, lines, products, accounts, showAccounts, joint, onLeave }: {
  form: UseFormReturn<PurchaseValues>;
  lines: UseFieldArrayReturn<PurchaseValues, 'lines'>;
  products: readonly ProductSummary[];
  accounts: readonly AccountView[];
  showAccounts: boolean;
  joint: boolean;
  onLeave(): void;
}) {
  const { t, locale } = useSettings();
  const { control, register, setValue, getValues, setFocus } = form;
  const errors: FieldErrors<PurchaseValues> = form.formState.errors;
  const watched = useWatch({ control: control as Control<PurchaseValues>, name: 'lines' });
  const read = (text: string) => readAmount(text, locale);
  const productById = new Map(products.map((p) => [String(p.id), p]));
  const expenseOrAsset = accounts.filter((a) => a.postable && !a.archived && (a.type === 'expense' || a.type === 'asset') && !a.code.startsWith('10'));

  const defaultAccount = (index: number) => {
    const line = watched?.[index];
    const category: PurchaseCategory | '' = joint ? 'joint' : line?.category ?? '';
    if (!category) return null;
    const product = productById.get(line?.productId ?? '');
    const role = category === 'stock' ? (product ? inventoryRole[product.category] : null) : categoryRoles[category];
    return accounts.find((a) => a.role === role) ?? null;
  };

  const nextLine = (index: number) => {
    if (index < lines.fields.length - 1) return setFocus(`lines.${index + 1}.what`);
    lines.append(emptyLine, { shouldFocus: true, focusName: `lines.${index + 1}.what` });
  };
  const onEnter = (index: number, cell: Cell) => (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const line = getValues(`lines.${index}`);
    const afterAmount = () => (line.productId || joint ? nextLine(index) : setFocus(`lines.${index}.category`));
    if (cell === 'what') {
      if (isBlankLine(line) && index > 0 && index === lines.fields.length - 1) return onLeave();
      return setFocus(`lines.${index}.quantity`);
    }
    if (cell === 'quantity') return setFocus(`lines.${index}.price`);
    if (cell === 'price') return line.price.trim() ? afterAmount() : setFocus(`lines.${index}.amount`);
    if (cell === 'amount') return afterAmount();
    return nextLine(index);
  };

  return (
    <>
      <table className="data purchase-lines">
        <thead>
          <tr>
            <th>{t('purchase.line.what')}</th>
            <th className="num">{t('purchase.line.quantity')}</th>
            <th className="num">{t('purchase.line.price')}</th>
            <th className="num">{t('purchase.line.amount')}</th>
            <th>{t('purchase.line.category')}</th>
            {showAccounts && <th>{t('purchase.line.account')}</th>}
            <th><span className="visually-hidden">{t('purchase.line.remove')}</span></th>
          </tr>
        </thead>
        <tbody>
          {lines.fields.map((field, index) => {
            const line = watched?.[index];
            const product = productById.get(line?.productId ?? '');
            const lineErrors = errors.lines?.[index];
            const n = index + 1;
            const computed = line && line.price.trim() !== '' && line.quantity.trim() !== '';
            const fallback = defaultAccount(index);
            return (
              <tr key={field.id}>
                <td>
                  <Controller control={control} name={`lines.${index}.what`} render={({ field: what }) => (
                    <Field label={t('purchase.line.whatN', { line: n })} error={lineErrors?.what?.message}
                      hint={product ? t('purchase.line.productHint', { unit: t(`purchase.unit.${product.unit}`), onHand: quantityWithUnit(t, product.onHand, product.unit) }) : line?.what.trim() ? t('purchase.line.conceptHint') : undefined}>
                      <Combobox ref={what.ref} name={what.name} text={what.value} onKeyDown={onEnter(index, 'what')}
                        options={product ? [] : matchOptions(products, what.value, (p) => p.name, foldText, 8).map((p) => ({ id: p.id, label: p.name, detail: t(`purchase.unit.${p.unit}`) }))}
                        onTextChange={(text) => {
                          what.onChange(text);
                          if (getValues(`lines.${index}.productId`)) {
                            setValue(`lines.${index}.productId`, '');
                            if (getValues(`lines.${index}.category`) === 'stock') setValue(`lines.${index}.category`, '');
                          }
                        }}
                        onPick={(option) => {
                          what.onChange(option.label);
                          setValue(`lines.${index}.productId`, String(option.id));
                          setValue(`lines.${index}.category`, 'stock');
                          setFocus(`lines.${index}.quantity`);
                        }} />
                    </Field>
                  )} />
                </td>
                <td>
                  <Field label={t('purchase.line.quantityN', { line: n })} error={lineErrors?.quantity?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`lines.${index}.quantity`)} onKeyDown={onEnter(index, 'quantity')} />
                  </Field>
                </td>
                <td>
                  <Field label={t('purchase.line.priceN', { line: n })} error={lineErrors?.price?.message}>
                    <input type="text" inputMode="decimal" className="num" {...register(`lines.${index}.price`)} onKeyDown={onEnter(index, 'price')} />
                  </Field>
                </td>
                <td className="num">
                  {computed ? (
                    <output aria-label={t('purchase.line.amountN', { line: n })} data-testid={`line-amount-${n}`}>{formatAmount(lineAmount(line, read))}</output>
                  ) : (
                    <Field label={t('purchase.line.amountN', { line: n })} error={lineErrors?.amount?.message}>
                      <input type="text" inputMode="decimal" className="num" {...register(`lines.${index}.amount`)} onKeyDown={onEnter(index, 'amount')} />
                    </Field>
                  )}
                </td>
                <td>
                  {joint ? t('purchase.category.joint') : (
                    <Field label={t('purchase.line.categoryN', { line: n })} error={lineErrors?.category?.message}>
                      <select {...register(`lines.${index}.category`)} onKeyDown={onEnter(index, 'category')}>
                        <option value="">{t('contrib.choose')}</option>
                        {choosableCategories.map((c) => <option key={c} value={c}>{t(`purchase.category.${c}`)}</option>)}
                      </select>
                    </Field>
                  )}
                </td>
                {showAccounts && (
                  <td>
                    <Controller control={control} name={`lines.${index}.accountId`} render={({ field: account }) => (
                      <Field label={t('purchase.line.accountN', { line: n })} error={lineErrors?.accountId?.message}
                        hint={account.value === null && fallback ? t('purchase.line.accountDefault', { account: accountLabel(fallback) }) : undefined}>
                        <AccountPicker ref={account.ref} accounts={expenseOrAsset} value={account.value} onChange={account.onChange} />
                      </Field>
                    )} />
                  </td>
                )}
                <td>
                  {lines.fields.length > 1 && (
                    <button type="button" onClick={() => lines.remove(index)} aria-label={t('purchase.line.removeN', { line: n })}>×</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={() => lines.append(emptyLine, { shouldFocus: true, focusName: `lines.${lines.fields.length}.what` })}>{t('purchase.line.add')}</button>
      </div>
    </>
  );
}
