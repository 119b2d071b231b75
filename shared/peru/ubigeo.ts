import { KhipuError } from '../errors';
import { UBIGEO_DATA } from './ubigeo-data';
import { foldText } from '../text';

/**
 * Ubigeo: INEI's 6-digit place code, 2 digits department + 2 province +
 * 2 district (030601 = Apurímac / Chincheros / Chincheros). Only districts are
 * valid ubigeos for a record; 030000 or 030600 name no district.
 */

export interface Ubigeo {
  readonly code: string;
  readonly department: string;
  readonly province: string;
  readonly district: string;
}

/** A department (2-digit code), province (4) or district (6) and its name. */
export interface UbigeoPlace {
  readonly code: string;
  readonly name: string;
}

interface SearchEntry {
  readonly ubigeo: Ubigeo;
  readonly district: string;
  readonly haystack: string;
}

interface Index {
  readonly departments: UbigeoPlace[];
  readonly provinces: Map<string, UbigeoPlace[]>;
  readonly districts: Map<string, UbigeoPlace[]>;
  readonly byCode: Map<string, Ubigeo>;
  readonly search: SearchEntry[];
}

let index: Index | undefined;

/**
 * Parsed on first use, not at import: most screens never touch ubigeos, and
 * the ~2,100 lines cost a few milliseconds that startup should not pay.
 */
function getIndex(): Index {
  if (index !== undefined) return index;
  const names = new Map<string, string>();
  const departments: UbigeoPlace[] = [];
  const provinces = new Map<string, UbigeoPlace[]>();
  const districts = new Map<string, UbigeoPlace[]>();
  const byCode = new Map<string, Ubigeo>();
  const search: SearchEntry[] = [];
  // Lines are sorted by code, so a department precedes its provinces and a
  // province its districts.
  for (const line of UBIGEO_DATA.split('\n')) {
    const bar = line.indexOf('|');
    if (bar < 0) continue;
    const code = line.slice(0, bar);
    const name = line.slice(bar + 1);
    const place: UbigeoPlace = Object.freeze({ code, name });
    names.set(code, name);
    if (code.length === 2) {
      departments.push(place);
    } else if (code.length === 4) {
      pushTo(provinces, code.slice(0, 2), place);
    } else {
      pushTo(districts, code.slice(0, 4), place);
      const ubigeo: Ubigeo = Object.freeze({
        code,
        department: names.get(code.slice(0, 2)) ?? '',
        province: names.get(code.slice(0, 4)) ?? '',
        district: name,
      });
      byCode.set(code, ubigeo);
      search.push({
        ubigeo,
        district: fold(name),
        haystack: `${fold(name)} ${fold(ubigeo.province)} ${fold(ubigeo.department)}`,
      });
    }
  }
  index = { departments, provinces, districts, byCode, search };
  return index;
}

function pushTo(map: Map<string, UbigeoPlace[]>, key: string, place: UbigeoPlace): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [place]);
  else list.push(place);
}

/** Kept as `fold` for callers of this module; the rule lives in shared/text. */
export const fold = foldText;

/** The district with this 6-digit code, or undefined (also for department/province codes). */
export function findUbigeo(code: string): Ubigeo | undefined {
  if (typeof code !== 'string') return undefined;
  return getIndex().byCode.get(code.trim());
}

/** Returns the district for `value`, or throws: distinct codes for a malformed code and an unknown one. */
export function assertUbigeo(value: unknown, field = 'ubigeo'): Ubigeo {
  const code = typeof value === 'string' ? value.trim() : value == null ? '' : String(value);
  if (code === '') throw new KhipuError('peru.ubigeo.required', { field, params: { value: code } });
  // Numbers are refused: 030601 as a number loses its leading zero.
  if (typeof value !== 'string' || !/^\d{6}$/.test(code)) {
    throw new KhipuError('peru.ubigeo.format', { field, params: { value: code } });
  }
  const ubigeo = getIndex().byCode.get(code);
  if (ubigeo === undefined) throw new KhipuError('peru.ubigeo.unknown', { field, params: { value: code } });
  return ubigeo;
}

/** The 25 departments (Callao included), by code. */
export function listDepartments(): UbigeoPlace[] {
  return [...getIndex().departments];
}

/** The provinces of a department (2-digit code), by code; [] for an unknown code. */
export function listProvinces(departmentCode: string): UbigeoPlace[] {
  return [...(getIndex().provinces.get(departmentCode) ?? [])];
}

/** The districts of a province (4-digit code), by code; [] for an unknown code. */
export function listDistricts(provinceCode: string): UbigeoPlace[] {
  return [...(getIndex().districts.get(provinceCode) ?? [])];
}

/**
 * Districts matching `text`, ignoring accents and case: every word must occur
 * in the district, province or department name ("chincheros", "apurimac",
 * "ocobamba apurimac"), or the text may be the start of a code ("0306").
 * Best first: district named exactly so, then district names that start with
 * it, then that contain it, then matches on province or department only.
 */
export function searchDistricts(text: string, limit = 20): Ubigeo[] {
  const query = fold(typeof text === 'string' ? text : '');
  if (query === '' || limit <= 0) return [];
  const entries = getIndex().search;
  if (/^\d+$/.test(query)) {
    return entries
      .filter((e) => e.ubigeo.code.startsWith(query))
      .slice(0, limit)
      .map((e) => e.ubigeo);
  }
  const words = query.split(' ');
  const ranked: { rank: number; ubigeo: Ubigeo }[] = [];
  for (const entry of entries) {
    if (!words.every((word) => entry.haystack.includes(word))) continue;
    const rank =
      entry.district === query ? 0
      : entry.district.startsWith(query) ? 1
      : entry.district.includes(query) ? 2
      : 3;
    ranked.push({ rank, ubigeo: entry.ubigeo });
  }
  // Entries are already in code order and sort is stable, so ties stay by code.
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.slice(0, limit).map((r) => r.ubigeo);
}
