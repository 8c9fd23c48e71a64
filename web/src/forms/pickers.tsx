import { CloseButton, Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useAddPlaceToRegistry } from '../api/places';
import { searchQuery } from '../api/search';
import { isMatchedByOtherName } from '../components/search-hit';
import { useVocabulary } from '../components/vocabulary';
import { useFormat } from '../i18n/format';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import type { PickedOrganisation, PickedProject, PickedSource } from './picked';
import { recordErrorMessage } from './problem';
import { sourceListQuery } from './records';
import { useFormMessage } from './use-record-form';

/** A choice shown in a picker's list. */
interface PickerOption {
  value: string;
  label: string;
  /** Country, kind, "not in the registry yet": shown dimmed after the label. */
  detail?: string;
}

/** What the input of a picker shows, and the query it searches for (none while it shows the choice). */
function usePickerText(chosenLabel: string | undefined) {
  const [text, setText] = useState(chosenLabel ?? '');
  const [shownLabel, setShownLabel] = useState(chosenLabel);
  // A choice made elsewhere (a reset, a prefilled value arriving) replaces what the input shows.
  if (shownLabel !== chosenLabel) {
    setShownLabel(chosenLabel);
    setText(chosenLabel ?? '');
  }
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const isShowingChoice = chosenLabel !== undefined && text === chosenLabel;
  return { text, setText, query: isShowingChoice ? '' : debounced };
}

interface PickerComboboxProps {
  id: string;
  label: string;
  error?: string | undefined;
  required?: boolean | undefined;
  description?: ReactNode;
  text: string;
  onTextChange: (text: string) => void;
  /** Whether something is chosen: typing then clears the choice, and a button clears it. */
  isChosen: boolean;
  onClear: () => void;
  options: PickerOption[];
  /** Whether the list has an answer to show (it stays closed until then). */
  hasResults: boolean;
  isBusy: boolean;
  emptyMessage: string;
  onPick: (value: string) => void;
}

/**
 * An accessible combobox over a search: the input (role combobox, labelled) lists suggestions as the reader
 * types; arrows move among them, Enter chooses, Escape closes; a button clears the choice.
 */
function PickerCombobox({
  id,
  label,
  error,
  required,
  description,
  text,
  onTextChange,
  isChosen,
  onClear,
  options,
  hasResults,
  isBusy,
  emptyMessage,
  onPick,
}: PickerComboboxProps) {
  const t = useT();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(value) => {
        combobox.closeDropdown();
        onPick(value);
      }}
    >
      <Combobox.Target withExpandedAttribute autoComplete="off">
        <TextInput
          id={id}
          label={label}
          error={error}
          required={required}
          description={description}
          value={text}
          rightSectionPointerEvents={isChosen && !isBusy ? 'all' : 'none'}
          rightSection={
            isBusy ? (
              <Loader size="xs" aria-hidden />
            ) : isChosen ? (
              <CloseButton
                size="sm"
                aria-label={t('form.picker.clear', { label })}
                onClick={() => {
                  onClear();
                  onTextChange('');
                  document.getElementById(id)?.focus();
                }}
              />
            ) : null
          }
          onChange={(event) => {
            onTextChange(event.currentTarget.value);
            if (isChosen) onClear();
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => text.trim() !== '' && !isChosen && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!hasResults}>
        <Combobox.Options aria-label={t('form.picker.suggestions', { label })}>
          {options.length === 0 ? (
            <Combobox.Empty>{emptyMessage}</Combobox.Empty>
          ) : (
            options.map((option) => (
              <Combobox.Option key={option.value} value={option.value}>
                <Group gap={6} wrap="nowrap" justify="space-between">
                  <Text size="sm">{option.label}</Text>
                  {option.detail && (
                    <Text size="xs" c="dimmed" ta="right">
                      {option.detail}
                    </Text>
                  )}
                </Group>
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

interface PickerProps<T> {
  id: string;
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/**
 * Chooses an organisation by any of its names, or a place of the gazetteer by any of its names (`Sofiji`,
 * `Krakov`, `Беч`): a place not yet in the registry is added as an authority when chosen, and its new
 * organisation is the choice.
 */
export function OrganisationPicker({
  id,
  label,
  value,
  onChange,
  error,
  required,
  includePlaces = true,
}: PickerProps<PickedOrganisation> & {
  /** Offer places of the gazetteer too (added to the registry when chosen); off where only records fit. */
  includePlaces?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const message = useFormMessage();
  const { apiLanguage } = useLocale();
  const picker = usePickerText(value?.name);
  const addPlace = useAddPlaceToRegistry();
  const search = useQuery(
    searchQuery({
      q: picker.query,
      types: includePlaces ? 'organisation,place' : 'organisation',
      lang: apiLanguage,
      limit: 10,
    }),
  );
  const hits = picker.query === '' ? [] : (search.data?.hits ?? []);
  const options = hits.map((hit) => ({
    value: `${hit.type}:${hit.id}`,
    label: isMatchedByOtherName(hit) ? hit.label : hit.name,
    detail: [
      hit.type === 'organisation' && hit.kind ? vocabulary.organisationKind(hit.kind) : undefined,
      hit.country ? format.country(hit.country) : undefined,
      hit.type === 'place' && !hit.ids.organisationId ? t('search.notInRegistry') : undefined,
    ]
      .filter(Boolean)
      .join(', '),
  }));

  const pick = (optionValue: string) => {
    const hit = hits.find((candidate) => `${candidate.type}:${candidate.id}` === optionValue);
    if (!hit) return;
    const organisationId = hit.type === 'organisation' ? hit.id : hit.ids.organisationId;
    if (organisationId) {
      onChange({ id: organisationId, name: hit.name, country: hit.country });
      return;
    }
    addPlace.mutate(Number(hit.id), {
      onSuccess: (organisation) =>
        onChange({ id: organisation.id, name: hit.name, country: organisation.country }),
    });
  };

  const addError = addPlace.isError ? message(recordErrorMessage(addPlace.error)) : undefined;
  return (
    <PickerCombobox
      id={id}
      label={label}
      error={error ?? addError}
      required={required}
      description={
        value?.country
          ? t('form.picker.chosenIn', { country: format.country(value.country) })
          : t('form.picker.organisationHint')
      }
      text={picker.text}
      onTextChange={picker.setText}
      isChosen={value !== null}
      onClear={() => onChange(null)}
      options={options}
      hasResults={picker.query !== '' && search.data !== undefined}
      isBusy={search.isFetching || addPlace.isPending}
      emptyMessage={t('search.noResults', { query: picker.query })}
      onPick={pick}
    />
  );
}

/** Chooses a project by any word of its title or its acronym. */
export function ProjectPicker({ id, label, value, onChange, error, required }: PickerProps<PickedProject>) {
  const t = useT();
  const { apiLanguage } = useLocale();
  const picker = usePickerText(value?.title);
  const search = useQuery(searchQuery({ q: picker.query, types: 'project', lang: apiLanguage, limit: 10 }));
  const hits = picker.query === '' ? [] : (search.data?.hits ?? []);
  return (
    <PickerCombobox
      id={id}
      label={label}
      error={error}
      required={required}
      description={t('form.picker.projectHint')}
      text={picker.text}
      onTextChange={picker.setText}
      isChosen={value !== null}
      onClear={() => onChange(null)}
      options={hits.map((hit) => ({ value: hit.id, label: hit.name }))}
      hasResults={picker.query !== '' && search.data !== undefined}
      isBusy={search.isFetching}
      emptyMessage={t('search.noResults', { query: picker.query })}
      onPick={(projectId) => {
        const hit = hits.find((candidate) => candidate.id === projectId);
        if (hit) onChange({ id: hit.id, title: hit.name });
      }}
    />
  );
}

/** Chooses a source of facts by words of its title or publisher. */
export function SourcePicker({ id, label, value, onChange, error, required }: PickerProps<PickedSource>) {
  const t = useT();
  const picker = usePickerText(value?.title);
  const search = useQuery({
    ...sourceListQuery({ name: picker.query, pageSize: 10, sort: 'title' }),
    enabled: picker.query !== '',
  });
  const sources = picker.query === '' ? [] : (search.data?.items ?? []);
  return (
    <PickerCombobox
      id={id}
      label={label}
      error={error}
      required={required}
      description={t('form.picker.sourceHint')}
      text={picker.text}
      onTextChange={picker.setText}
      isChosen={value !== null}
      onClear={() => onChange(null)}
      options={sources.map((source) => ({
        value: source.id,
        label: source.title,
        detail: source.publisher ?? undefined,
      }))}
      hasResults={picker.query !== '' && search.data !== undefined}
      isBusy={search.isFetching}
      emptyMessage={t('form.picker.noSource', { query: picker.query })}
      onPick={(sourceId) => {
        const source = sources.find((candidate) => candidate.id === sourceId);
        if (source) onChange({ id: source.id, title: source.title });
      }}
    />
  );
}
