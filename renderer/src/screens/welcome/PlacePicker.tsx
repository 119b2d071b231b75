import { useMemo, useState } from 'react';
import { findUbigeo, listDepartments, listDistricts, listProvinces, searchDistricts } from '../../../../shared/peru/ubigeo';
import { Field } from '../../components/Field';
import { useT } from '../../app/settings';

interface PlacePickerProps {
  /** The district's 6-digit ubigeo, or '' while none is chosen. */
  value: string;
  onChange(ubigeo: string): void;
  error?: string | undefined;
}

/** Department → province → district, or a search by name that fills all three. */
export function PlacePicker({ value, onChange, error }: PlacePickerProps) {
  const t = useT();
  const [department, setDepartment] = useState(value.slice(0, 2));
  const [province, setProvince] = useState(value.slice(0, 4));
  const [search, setSearch] = useState('');
  const departments = useMemo(() => listDepartments(), []);
  const provinces = useMemo(() => (department ? listProvinces(department) : []), [department]);
  const districts = useMemo(() => (province ? listDistricts(province) : []), [province]);
  const matches = useMemo(() => searchDistricts(search, 8), [search]);

  const chooseDistrict = (code: string) => {
    setDepartment(code.slice(0, 2));
    setProvince(code.slice(0, 4));
    onChange(code);
  };
  const chosen = value ? findUbigeo(value) : undefined;
  return (
    <fieldset className="place-picker">
      <legend>{t('wizard.place')}</legend>
      <Field label={t('wizard.searchDistrict')} hint={t('wizard.searchDistrictHint')}>
        <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
      </Field>
      {matches.length > 0 && (
        <ul className="place-picker__matches">
          {matches.map((place) => (
            <li key={place.code}>
              <button type="button" className="link-button" onClick={() => { chooseDistrict(place.code); setSearch(''); }}>
                {place.district} — {place.province}, {place.department} ({place.code})
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-row">
        <Field label={t('wizard.department')}>
          <select value={department} onChange={(event) => { setDepartment(event.target.value); setProvince(''); onChange(''); }}>
            <option value="">{t('wizard.choose')}</option>
            {departments.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </Field>
        <Field label={t('wizard.province')}>
          <select value={province} onChange={(event) => { setProvince(event.target.value); onChange(''); }}>
            <option value="">{t('wizard.choose')}</option>
            {provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
        </Field>
        <Field label={t('wizard.district')} error={error}>
          <select value={value} onChange={(event) => chooseDistrict(event.target.value)}>
            <option value="">{t('wizard.choose')}</option>
            {districts.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </Field>
      </div>
      {chosen && <p className="subtitle">Ubigeo {chosen.code}</p>}
    </fieldset>
  );
}
