import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import * as domainVocabulary from '../../../src/domain/vocabulary';
import { vocabularies } from '../components/vocabulary';
import { locales } from './locales';

const catalogues = import.meta.glob<Record<string, string>>('./messages/*.json', {
  eager: true,
  import: 'default',
});

function catalogue(locale: string): Record<string, string> {
  const messages = catalogues[`./messages/${locale}.json`];
  if (!messages) throw new Error(`No catalogue for ${locale}`);
  return messages;
}

const english = catalogue('en');

/** The plural categories each language's CLDR rules use for whole numbers. */
const pluralCategories: Record<string, string[]> = {
  en: ['one', 'other'],
  hr: ['one', 'few', 'other'],
  'sr-Latn': ['one', 'few', 'other'],
  'sr-Cyrl': ['one', 'few', 'other'],
  bs: ['one', 'few', 'other'],
  cnr: ['one', 'few', 'other'],
  bg: ['one', 'other'],
  sl: ['one', 'two', 'few', 'other'],
  mk: ['one', 'other'],
};

function pluralsOf(elements: MessageFormatElement[]): string[][] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.plural) {
      return [
        Object.keys(element.options),
        ...Object.values(element.options).flatMap((option) => pluralsOf(option.value)),
      ];
    }
    if (element.type === TYPE.select) {
      return Object.values(element.options).flatMap((option) => pluralsOf(option.value));
    }
    if (element.type === TYPE.tag) return pluralsOf(element.children);
    return [];
  });
}

function argumentsOf(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    const own = element.type !== TYPE.literal && 'value' in element ? [String(element.value)] : [];
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      return [...own, ...Object.values(element.options).flatMap((option) => argumentsOf(option.value))];
    }
    return own;
  });
}

describe('message catalogues', () => {
  it('has a catalogue for every locale and no other', () => {
    expect(Object.keys(catalogues).sort()).toEqual(
      locales.map((locale) => `./messages/${locale}.json`).sort(),
    );
  });

  it.each(locales)('%s has exactly the keys English has', (locale) => {
    const keys = Object.keys(catalogue(locale));
    const missing = Object.keys(english).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(locales)('%s has only messages that parse as ICU, with the arguments English uses', (locale) => {
    for (const [key, message] of Object.entries(catalogue(locale))) {
      let elements: MessageFormatElement[];
      try {
        elements = parse(message);
      } catch (error) {
        throw new Error(`${locale} ${key} does not parse: ${String(error)}`);
      }
      const expected = new Set(argumentsOf(parse(english[key] ?? '')));
      expect(new Set(argumentsOf(elements)), `${locale} ${key}`).toEqual(expected);
    }
  });

  it.each(locales)('%s writes plurals with its own language’s categories', (locale) => {
    for (const [key, message] of Object.entries(catalogue(locale))) {
      for (const categories of pluralsOf(parse(message))) {
        expect(categories.sort(), `${locale} ${key}`).toEqual([...pluralCategories[locale]!].sort());
      }
    }
  });

  it('labels every value of the registry’s vocabularies', () => {
    const domainLists: Record<keyof typeof vocabularies, readonly string[]> = {
      organisationKind: domainVocabulary.organisationKinds,
      nameKind: domainVocabulary.nameKinds,
      membershipRole: domainVocabulary.membershipRoles,
      partnershipType: domainVocabulary.partnershipTypes,
      partnershipStatus: domainVocabulary.partnershipStatuses,
      projectStatus: domainVocabulary.projectStatuses,
      projectPartnerRole: domainVocabulary.projectPartnerRoles,
      activityType: domainVocabulary.activityTypes,
      activityParticipantRole: domainVocabulary.activityParticipantRoles,
      themeTaxonomy: domainVocabulary.themeTaxonomies,
    };
    for (const [group, values] of Object.entries(vocabularies)) {
      expect(values, group).toEqual(domainLists[group as keyof typeof vocabularies]);
      for (const value of values)
        expect(english, `vocab.${group}.${value}`).toHaveProperty([`vocab.${group}.${value}`]);
    }
  });
});
