import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatQuantity, matchProduct, readQuantity } from '../../renderer/src/screens/sales/quantity';

describe('fair-day grid: typed quantities and product names', () => {
  it('reads what formatQuantity writes, for any quantity in thousandths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (thousandths) => {
      expect(readQuantity(formatQuantity(thousandths))).toBe(thousandths);
    }));
  });

  it('reads a decimal point or comma, and refuses more than three decimals or letters', () => {
    expect(readQuantity('2,5')).toBe(2500);
    expect(readQuantity(' 0.250 ')).toBe(250);
    expect(readQuantity('')).toBeNull();
    expect(readQuantity('1.2345')).toBeUndefined();
    expect(readQuantity('dos')).toBeUndefined();
  });

  it('finds a product by its name whatever the accents and case, and names the candidates when several fit', () => {
    const products = [
      { id: 1, name: 'Queso andino' }, { id: 2, name: 'Queso fresco' }, { id: 3, name: 'Yogur de fresa' }, { id: 4, name: "Cuy Q'ori" },
    ];
    expect(matchProduct('YOGUR', products)).toEqual({ product: products[2] });
    expect(matchProduct('queso ANDINO', products)).toEqual({ product: products[0] });
    expect(matchProduct('cuy qori', products)).toEqual({ product: products[3] });
    expect(matchProduct('fresa', products)).toEqual({ product: products[2] });
    expect(matchProduct('queso', products)).toEqual({ candidates: [products[0], products[1]] });
    expect(matchProduct('miel', products)).toEqual({ candidates: [] });
  });
});
