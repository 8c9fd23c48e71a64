-- The language a person reads Pobratim in, for the mails sent to them (src/domain/mail-messages.ts):
-- recorded from the web app when they accept an invitation or sign in, or chosen by whoever invited
-- them. Unknown (null) means English.
alter table users
  add column language text check (language in ('en', 'hr', 'sr-Latn', 'sr-Cyrl', 'bs', 'cnr', 'bg', 'sl', 'mk'));
