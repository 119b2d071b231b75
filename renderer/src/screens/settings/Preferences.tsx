import { useId } from 'react';
import { useSettings } from '../../app/settings';
import { Field } from '../../components/Field';

/** Language and text size belong to whoever sits at this laptop, so they live in localStorage, not in the ledger. */
export function Preferences() {
  const { t, locale, largerText, update } = useSettings();
  const hintId = useId();
  return (
    <section className="settings__section" aria-labelledby="settings-laptop">
      <h2 id="settings-laptop">{t('settings.thisLaptop')}</h2>
      <p>{t('settings.thisLaptopNote')}</p>
      <Field label={t('settings.language')}>
        <select value={locale} onChange={(event) => update({ locale: event.target.value === 'en' ? 'en' : 'es' })}>
          <option value="es" lang="es-PE">{t('settings.language.es')}</option>
          <option value="en" lang="en">{t('settings.language.en')}</option>
        </select>
      </Field>
      <div className="settings__check">
        <label>
          <input
            type="checkbox"
            checked={largerText}
            aria-describedby={hintId}
            onChange={(event) => update({ largerText: event.target.checked })}
          />
          {t('settings.largerText')}
        </label>
        <small id={hintId} className="field__hint">{t('settings.largerTextHint')}</small>
      </div>
    </section>
  );
}
