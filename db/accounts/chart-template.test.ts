import { describe, expect, it } from 'vitest';
import {
  accountRoles,
  accountTypeOfCode,
  chartTemplate,
  chartTemplateVersion,
  type AccountRole,
  type AccountType,
  type TemplateAccount,
} from './chart-template';

const byCode = new Map(chartTemplate.map((a) => [a.code, a]));
const childrenOf = (code: string): TemplateAccount[] => chartTemplate.filter((a) => a.parentCode === code);
const postable = chartTemplate.filter((a) => a.postable);

function get(code: string): TemplateAccount {
  const account = byCode.get(code);
  if (!account) throw new Error(`no account ${code}`);
  return account;
}

function withRole(role: AccountRole): TemplateAccount {
  const found = chartTemplate.filter((a) => a.role === role);
  if (found.length !== 1) throw new Error(`role ${role} on ${found.length} accounts`);
  return found[0] as TemplateAccount;
}

describe('chart template: codes and hierarchy', () => {
  it('has a version tag', () => {
    expect(chartTemplateVersion).toBe('pcge-2019-asociacion-v1');
  });

  it('holds enough accounts for an association, not the whole PCGE', () => {
    expect(chartTemplate.length).toBeGreaterThanOrEqual(80);
    expect(chartTemplate.length).toBeLessThanOrEqual(160);
  });

  it('uses unique, digits-only codes', () => {
    for (const a of chartTemplate) expect(a.code, a.code).toMatch(/^\d+$/);
    expect(byCode.size).toBe(chartTemplate.length);
  });

  it('links every child to an existing parent whose code it extends by one digit', () => {
    for (const a of chartTemplate) {
      if (a.parentCode === null) continue;
      const parent = byCode.get(a.parentCode);
      expect(parent, `parent of ${a.code}`).toBeDefined();
      expect(a.code.startsWith(a.parentCode), a.code).toBe(true);
      expect(a.code.length, a.code).toBe(a.parentCode.length + 1);
    }
  });

  it('puts the elements 1–7 at the top, and only them', () => {
    const top = chartTemplate.filter((a) => a.parentCode === null).map((a) => a.code);
    expect(top).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    for (const a of chartTemplate) expect(a.parentCode === null, a.code).toBe(a.code.length === 1);
  });

  it('lists parents before their children, so it can be seeded in order', () => {
    const seen = new Set<string>();
    for (const a of chartTemplate) {
      if (a.parentCode !== null) expect(seen.has(a.parentCode), a.code).toBe(true);
      seen.add(a.code);
    }
  });

  it('leaves out classes 8, 9, 0 and account 79', () => {
    for (const a of chartTemplate) {
      expect(['0', '8', '9'], a.code).not.toContain(a.code[0]);
      expect(a.code.startsWith('79'), a.code).toBe(false);
    }
  });
});

describe('chart template: types', () => {
  const expected: Record<string, AccountType> = {
    '1': 'asset',
    '2': 'asset',
    '3': 'asset',
    '4': 'liability',
    '5': 'equity',
    '6': 'expense',
    '7': 'income',
  };

  it('gives each account the type of its class digit', () => {
    for (const a of chartTemplate) expect(a.type, a.code).toBe(expected[a.code[0] as string]);
  });

  it('keeps accumulated depreciation (39) as an asset: a contra-asset', () => {
    const dep = chartTemplate.filter((a) => a.code.startsWith('39'));
    expect(dep.length).toBeGreaterThan(0);
    for (const a of dep) expect(a.type).toBe('asset');
  });

  it('rejects codes of classes outside the template', () => {
    expect(accountTypeOfCode('39')).toBe('asset');
    expect(() => accountTypeOfCode('891')).toThrow();
    expect(() => accountTypeOfCode('01')).toThrow();
  });
});

describe('chart template: headings and postable accounts', () => {
  it('makes exactly the leaves postable: headings have children, postable accounts have none', () => {
    for (const a of chartTemplate) {
      const hasChildren = childrenOf(a.code).length > 0;
      expect(a.postable, a.code).toBe(!hasChildren);
    }
  });

  it('uses non-empty, trimmed names without doubled spaces', () => {
    for (const a of chartTemplate) {
      for (const text of [a.name, a.pcgeName]) {
        expect(text.length, a.code).toBeGreaterThan(0);
        expect(text, a.code).toBe(text.trim());
        expect(text, a.code).not.toMatch(/\s{2}/);
      }
    }
  });

  it('gives postable accounts distinct names, so a treasurer never has to guess', () => {
    const names = postable.map((a) => a.name.toLocaleLowerCase('es-PE'));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('chart template: roles', () => {
  it('lists each role once', () => {
    expect(new Set(accountRoles).size).toBe(accountRoles.length);
  });

  it('assigns every role to exactly one postable account', () => {
    for (const role of accountRoles) {
      const holders = chartTemplate.filter((a) => a.role === role);
      expect(holders.length, role).toBe(1);
      expect(holders[0]?.postable, role).toBe(true);
    }
  });

  it('puts roles only on postable accounts, and only known ones', () => {
    const known = new Set<string>(accountRoles);
    for (const a of chartTemplate) {
      if (a.role === undefined) continue;
      expect(a.postable, a.code).toBe(true);
      expect(known.has(a.role), a.code).toBe(true);
    }
  });

  it('includes every role the engine and later features rely on', () => {
    const required = [
      'cash', 'bank', 'receivable_customers', 'receivable_members', 'receivable_other',
      'inventory_goods', 'inventory_products', 'inventory_supplies', 'equipment', 'biological_assets',
      'accumulated_depreciation', 'taxes_payable', 'wages_payable', 'payable_suppliers', 'payable_members',
      'loans_payable', 'interest_payable', 'capital', 'member_capital_contributions', 'reserves',
      'accumulated_results', 'purchases', 'services_expense', 'personnel_expense', 'taxes_expense',
      'other_expense', 'depreciation_expense', 'financial_expense', 'cost_of_sales', 'sales_goods',
      'sales_products', 'dues_income', 'extraordinary_income', 'fines_income', 'in_kind_income',
      'levy_income', 'grants_income', 'other_income', 'financial_income',
    ];
    for (const role of required) expect(accountRoles as readonly string[], role).toContain(role);
  });

  it('sets each role on an account of the expected type', () => {
    const typeOfRole = (role: AccountRole): AccountType => withRole(role).type;
    for (const role of ['cash', 'bank', 'receivable_members', 'equipment', 'accumulated_depreciation'] as const) {
      expect(typeOfRole(role), role).toBe('asset');
    }
    for (const role of ['taxes_payable', 'payable_members', 'loans_payable', 'interest_payable'] as const) {
      expect(typeOfRole(role), role).toBe('liability');
    }
    for (const role of ['capital', 'member_capital_contributions', 'reserves', 'accumulated_results'] as const) {
      expect(typeOfRole(role), role).toBe('equity');
    }
    for (const role of ['purchases', 'services_expense', 'depreciation_expense', 'cost_of_sales'] as const) {
      expect(typeOfRole(role), role).toBe('expense');
    }
    for (const role of ['sales_goods', 'dues_income', 'fines_income', 'grants_income', 'financial_income'] as const) {
      expect(typeOfRole(role), role).toBe('income');
    }
  });
});

describe('chart template: PCGE 2019 codes', () => {
  // Pinned against the catalogue of the PCGE Modificado 2019 (see the header of chart-template.ts).
  const official: Array<[code: string, pcgeName: string]> = [
    ['10', 'Efectivo y equivalentes de efectivo'],
    ['101', 'Caja'],
    ['104', 'Cuentas corrientes en instituciones financieras'],
    ['1041', 'Cuentas corrientes operativas'],
    ['121', 'Facturas, boletas y otros comprobantes por cobrar'],
    ['14', 'Cuentas por cobrar al personal, a los accionistas (socios) y directores'],
    ['142', 'Accionistas (o socios)'],
    ['20', 'Mercaderías'],
    ['21', 'Productos terminados'],
    ['24', 'Materias primas'],
    ['25', 'Materiales auxiliares, suministros y repuestos'],
    ['33', 'Propiedad, planta y equipo'],
    ['35', 'Activos biológicos'],
    ['39', 'Depreciación y amortización acumulados'],
    ['40', 'Tributos, contraprestaciones y aportes al sistema público de pensiones y de salud por pagar'],
    ['41', 'Remuneraciones y participaciones por pagar'],
    ['42', 'Cuentas por pagar comerciales – terceros'],
    ['44', 'Cuentas por pagar a los accionistas (socios, partícipes) y directores'],
    ['45', 'Obligaciones financieras'],
    ['50', 'Capital'],
    ['52', 'Capital adicional'],
    ['58', 'Reservas'],
    ['59', 'Resultados acumulados'],
    ['60', 'Compras'],
    ['61', 'Variación de inventarios'],
    ['62', 'Gastos de personal y directores'],
    ['63', 'Gastos de servicios prestados por terceros'],
    ['64', 'Gastos por tributos'],
    ['65', 'Otros gastos de gestión'],
    ['67', 'Gastos financieros'],
    ['68', 'Valuación y deterioro de activos y provisiones'],
    ['684', 'Depreciación de propiedad, planta y equipo'],
    ['69', 'Costo de ventas'],
    ['70', 'Ventas'],
    ['73', 'Descuentos, rebajas y bonificaciones obtenidos'],
    ['75', 'Otros ingresos de gestión'],
    ['759', 'Otros ingresos de gestión'],
    ['7591', 'Subsidios gubernamentales'],
    ['7593', 'Donaciones'],
    ['7599', 'Otros ingresos de gestión'],
    ['76', 'Ganancia por medición de activos no financieros al valor razonable'],
    ['77', 'Ingresos financieros'],
  ];

  it.each(official)('%s is "%s"', (code, pcgeName) => {
    const a = get(code);
    expect(a.pcgeName).toBe(pcgeName);
    expect(a.khipuAddition).toBeUndefined();
  });

  it('pins the main roles to their PCGE codes', () => {
    const pins: Partial<Record<AccountRole, string>> = {
      cash: '101',
      bank: '1041',
      receivable_customers: '121',
      receivable_members: '1429',
      equipment: '333',
      biological_assets: '3511',
      accumulated_depreciation: '3952',
      payable_suppliers: '421',
      payable_members: '4419',
      loans_payable: '451',
      capital: '501',
      member_capital_contributions: '5221',
      depreciation_expense: '684',
      cost_of_sales: '691',
      sales_goods: '701',
      sales_products: '702',
      grants_income: '7591',
      donations_income: '7593',
      dues_income: '75991',
      fines_income: '75993',
      other_income: '75999',
      financial_income: '7721',
    };
    for (const [role, code] of Object.entries(pins)) expect(withRole(role as AccountRole).code, role).toBe(code);
  });

  it('notes the fondo social in the name of the capital accounts', () => {
    expect(get('50').name).toMatch(/fondo social/i);
    expect(withRole('capital').name).toMatch(/fondo social/i);
  });

  it('keeps donations and subsidies out of equity, as the PCGE does', () => {
    for (const role of ['grants_income', 'donations_income'] as const) expect(withRole(role).code.startsWith('759')).toBe(true);
    expect(chartTemplate.some((a) => a.type === 'equity' && /donaci|subsid|subvenc/i.test(`${a.name} ${a.pcgeName}`))).toBe(false);
  });
});

describe("chart template: Khipu's own divisionarias", () => {
  const own = chartTemplate.filter((a) => a.khipuAddition === true);

  it('adds members’ dues, fines and other association income under 7599', () => {
    for (const role of ['dues_income', 'extraordinary_income', 'fines_income', 'in_kind_income', 'levy_income', 'other_income'] as const) {
      const a = withRole(role);
      expect(a.khipuAddition, role).toBe(true);
      expect(a.parentCode, role).toBe('7599');
    }
  });

  it('only extends official subcuentas, at four digits or more, and reuses the name as pcgeName', () => {
    expect(own.length).toBeGreaterThan(0);
    for (const a of own) {
      // PCGE Disposiciones generales 1.4: 2- and 3-digit codes not in the plan need MEF authorisation.
      expect(a.code.length, a.code).toBeGreaterThanOrEqual(4);
      expect(a.postable, a.code).toBe(true);
      expect(a.pcgeName, a.code).toBe(a.name);
      const parent = get(a.parentCode as string);
      expect(parent.khipuAddition, a.code).toBeUndefined();
    }
  });

  it('marks nothing else as an addition', () => {
    for (const a of chartTemplate) {
      if (a.khipuAddition !== undefined) expect(a.khipuAddition, a.code).toBe(true);
    }
  });
});

describe('chart template: immutability', () => {
  it('cannot be changed by the code that seeds it', () => {
    expect(Object.isFrozen(chartTemplate)).toBe(true);
    expect(chartTemplate.every((a) => Object.isFrozen(a))).toBe(true);
  });
});
