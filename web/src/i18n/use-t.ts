import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from './messages';

export type MessageValues = Record<string, string | number | Date | null | undefined>;

/** Translates a message id of the catalogues, with ICU values: `t('home.count.projects', { count: 2 })`. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useCallback(
    (id: MessageId, values?: MessageValues) =>
      String(
        (intl.formatMessage as (descriptor: { id: string }, values?: MessageValues) => unknown)(
          { id },
          values,
        ),
      ),
    [intl],
  );
}
