import { describe, expect, it } from 'vitest';
import { compareAmounts, formatAmount, normaliseAmount, parseAmount, sumAmounts } from './money.js';

describe('money', () => {
  it('parses decimal strings into exact hundredths', () => {
    expect(parseAmount('72075.00')).toBe(7207500n);
    expect(parseAmount('72075.5')).toBe(7207550n);
    expect(parseAmount('80')).toBe(8000n);
    expect(parseAmount('0.01')).toBe(1n);
    expect(parseAmount('-12.30')).toBe(-1230n);
    expect(parseAmount('-0')).toBe(0n);
  });

  it('refuses what is not an amount with at most two decimals', () => {
    for (const text of ['', '1.234', '1e3', '12,50', ' 12', '.5', '5.', 'NaN', '+3']) {
      expect(parseAmount(text)).toBeUndefined();
    }
  });

  it('formats hundredths with exactly two decimal places', () => {
    expect(formatAmount(7207500n)).toBe('72075.00');
    expect(formatAmount(5n)).toBe('0.05');
    expect(formatAmount(-1230n)).toBe('-12.30');
    expect(formatAmount(0n)).toBe('0.00');
  });

  it('adds amounts exactly where floating point would not', () => {
    expect(sumAmounts(['0.10', '0.20'])).toBe('0.30');
    expect(sumAmounts(['72075.00', '100000.5', '0.01'])).toBe('172075.51');
    expect(sumAmounts([])).toBe('0.00');
  });

  it('adds amounts beyond the precision of a double', () => {
    expect(sumAmounts(['99999999999999.99', '99999999999999.99'])).toBe('199999999999999.98');
  });

  it('normalises and compares amounts', () => {
    expect(normaliseAmount('80')).toBe('80.00');
    expect(compareAmounts('100', '100.00')).toBe(0);
    expect(compareAmounts('100.01', '100')).toBe(1);
    expect(compareAmounts('99.99', '100')).toBe(-1);
  });

  it('throws on a non-amount rather than guessing', () => {
    expect(() => sumAmounts(['1', 'one'])).toThrow(RangeError);
  });
});
