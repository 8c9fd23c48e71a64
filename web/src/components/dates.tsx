import { useFormat } from '../i18n/format';
import { useT } from '../i18n/use-t';

interface RangeOptions {
  /** An event (an activity) without an end ends when it starts: `2009`, not `since 2009`. */
  isEvent?: boolean;
}

/** A period of partial dates: `2007 – 2012`, `since May 2007`, `until 2012`, or nothing recorded. */
export function useDateRange(): (
  start: string | null | undefined,
  end: string | null | undefined,
  options?: RangeOptions,
) => string {
  const format = useFormat();
  const t = useT();
  return (start, end, options = {}) => {
    if (start && end) {
      return start === end
        ? format.partialDate(start)
        : t('dates.range', { start: format.partialDate(start), end: format.partialDate(end) });
    }
    if (start)
      return options.isEvent
        ? format.partialDate(start)
        : t('dates.since', { start: format.partialDate(start) });
    if (end) return t('dates.until', { end: format.partialDate(end) });
    return t('dates.unknown');
  };
}

export function DateRange({
  start,
  end,
  isEvent,
}: {
  start: string | null | undefined;
  end: string | null | undefined;
  isEvent?: boolean;
}) {
  return <>{useDateRange()(start, end, { isEvent })}</>;
}
