import { useMemo } from 'react';
import { useLocale } from './locale-provider';

/** Formats numbers, money, dates and names of languages, scripts and countries in the reader's locale. */
export interface Formatters {
  number: (value: number) => string;
  /** An exact decimal string (`72075.00`) in a currency; never converted to a float first. */
  money: (amount: string, currency: string) => string;
  /** A percentage given as a decimal string (`80.00` → `80 %`). */
  percent: (value: string) => string;
  /** A partial ISO date: `2007`, `2007-05` or `2007-05-21`. */
  partialDate: (value: string) => string;
  /** A timestamp (`createdAt`), as a date. */
  timestamp: (value: string) => string;
  language: (tag: string) => string;
  script: (code: string) => string;
  country: (code: string) => string;
}

function displayName(tag: string, type: Intl.DisplayNamesType, code: string): string {
  try {
    return new Intl.DisplayNames([tag], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function createFormatters(tag: string): Formatters {
  const numberFormat = new Intl.NumberFormat(tag);
  const dayFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const monthFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const yearFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' });
  return {
    number: (value) => numberFormat.format(value),
    money: (amount, currency) => {
      try {
        // ES2023 Intl formats a decimal string exactly.
        return new Intl.NumberFormat(tag, { style: 'currency', currency }).format(
          amount as Intl.StringNumericLiteral,
        );
      } catch {
        return `${amount} ${currency}`;
      }
    },
    percent: (value) =>
      new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 }).format(
        `${value}E-2` as Intl.StringNumericLiteral,
      ),
    partialDate: (value) => {
      const [year, month, day] = value.split('-').map(Number);
      if (year === undefined || Number.isNaN(year)) return value;
      const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
      if (day !== undefined) return dayFormat.format(date);
      if (month !== undefined) return monthFormat.format(date);
      return yearFormat.format(date);
    },
    timestamp: (value) => dayFormat.format(new Date(value)),
    language: (code) => displayName(tag, 'language', code),
    script: (code) => displayName(tag, 'script', code),
    country: (code) => displayName(tag, 'region', code),
  };
}

/** The formatters of the reader's locale. */
export function useFormat(): Formatters {
  const { intlTag } = useLocale();
  return useMemo(() => createFormatters(intlTag), [intlTag]);
}
