import { describe, expect, it } from 'vitest';
import { fill, mailLocales, mailMessages, type MailMessages } from './mail-messages.js';
import { notificationMail } from './notification.js';

/** Every message of a catalogue, by its path (`roles.editor`). */
function flatten(messages: MailMessages): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') entries.set(key, value);
    else
      for (const [inner, text] of Object.entries(value as Record<string, string>))
        entries.set(`${key}.${inner}`, text);
  }
  return entries;
}

const placesOf = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the mail catalogues', () => {
  const english = flatten(mailMessages('en'));

  it.each(mailLocales)('%s says every message, with the values of the English one', (locale) => {
    const messages = flatten(mailMessages(locale));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of messages) {
      expect(text.trim(), key).not.toBe('');
      expect(placesOf(text), key).toEqual(placesOf(english.get(key)!));
    }
  });

  it.each(['sr-Cyrl', 'bg', 'mk'])('%s is written in Cyrillic', (locale) => {
    for (const [key, text] of flatten(mailMessages(locale))) {
      const latin = text.replace(/\{\w+\}/g, '').replace(/UTC/g, '');
      expect(latin, key).not.toMatch(/[A-Za-z]/);
    }
  });

  it('falls back to English for no language or an unknown one', () => {
    expect(mailMessages(null)).toBe(mailMessages('en'));
    expect(mailMessages('de')).toBe(mailMessages('en'));
  });

  it('puts values into their places, and leaves a place without a value', () => {
    expect(fill('{name} invited you to {what}', { name: 'Ana {what}' })).toBe(
      'Ana {what} invited you to {what}',
    );
  });
});

describe('notificationMail', () => {
  const payload = {
    initiativeId: '0190',
    initiativeTitle: { en: 'Green schools', sr: 'Зелене школе' },
    organisationName: 'Grad Niš',
    from: 'open' as const,
    to: 'shortlisting' as const,
  };

  it('writes in the recipient’s language, with the title in that language when there is one', () => {
    const mail = notificationMail(
      'initiative_status_changed',
      payload,
      'https://pobratim.example',
      'sr-Cyrl',
    );
    expect(mail.subject).toBe('„Зелене школе”: ужи избор');
    expect(mail.text).toContain(
      'Иницијатива „Зелене школе” прешла је из стања „отворено за партнере” у стање „ужи избор”.',
    );
    expect(mail.text).toContain('https://pobratim.example/initiatives/0190');
  });

  it('writes in English, with the English title, when the language is unknown', () => {
    const mail = notificationMail(
      'interest_answered',
      { ...payload, answer: 'declined' },
      'https://p.example',
      null,
    );
    expect(mail.subject).toBe('Your interest in “Green schools” was declined');
    expect(mail.text).toMatch(/^The interest of Grad Niš in the initiative “Green schools” was declined\./);
  });
});
