import type { Locale } from './locales';
import type english from './messages/en.json';

/** Every message id: the keys of the English catalogue, which every other catalogue must match. */
export type MessageId = keyof typeof english;
export type Messages = Record<MessageId, string>;

// One chunk per catalogue: a reader downloads only the language they read.
const catalogues = import.meta.glob<Messages>('./messages/*.json', { import: 'default' });

/** Loads the message catalogue of a locale. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const load = catalogues[`./messages/${locale}.json`];
  if (!load) throw new Error(`No message catalogue for ${locale}.`);
  return load();
}
