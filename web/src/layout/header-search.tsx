import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchQuery } from '../api/search';
import { searchHitGroups, searchHitPath, isMatchedByOtherName } from '../components/search-hit';
import { useFormat } from '../i18n/format';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';

/**
 * The header's search box: a combobox listing the best hits as you type (arrows to move, Enter to open
 * one); Enter without a chosen hit opens the full results at /search.
 */
export function HeaderSearch() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const { apiLanguage } = useLocale();
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 200);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const { data, isFetching } = useQuery(searchQuery({ q: debounced, lang: apiLanguage, limit: 8 }));
  const hits = debounced === '' ? [] : (data?.hits ?? []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (q === '') return;
    combobox.closeDropdown();
    void navigate(`/search?q=${encodeURIComponent(q)}`);
  };

  const groups = searchHitGroups
    .map((group) => ({ ...group, hits: hits.filter((hit) => hit.type === group.type) }))
    .filter((group) => group.hits.length > 0);

  return (
    <form role="search" onSubmit={submit} style={{ flex: '1 1 18rem', maxWidth: '32rem' }}>
      <Combobox
        store={combobox}
        onOptionSubmit={(path) => {
          combobox.closeDropdown();
          setValue('');
          void navigate(path);
        }}
      >
        <Combobox.Target withExpandedAttribute autoComplete="off">
          <TextInput
            type="search"
            label={t('search.label')}
            labelProps={{ className: 'visually-hidden' }}
            placeholder={t('search.placeholder')}
            value={value}
            rightSection={isFetching ? <Loader size="xs" aria-hidden /> : null}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              combobox.openDropdown();
              combobox.updateSelectedOptionIndex();
            }}
            onFocus={() => value.trim() !== '' && combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={debounced === '' || data === undefined}>
          <Combobox.Options aria-label={t('search.suggestions')}>
            {groups.length === 0 && (
              <Combobox.Empty>{t('search.noResults', { query: debounced })}</Combobox.Empty>
            )}
            {groups.map((group) => (
              <Combobox.Group key={group.type} label={t(group.label)}>
                {group.hits.map((hit) => (
                  <Combobox.Option key={`${hit.type}:${hit.id}`} value={searchHitPath(hit)}>
                    <Group gap={6} wrap="nowrap" justify="space-between">
                      <Text size="sm">{isMatchedByOtherName(hit) ? hit.label : hit.name}</Text>
                      {hit.country && (
                        <Text size="xs" c="dimmed">
                          {format.country(hit.country)}
                        </Text>
                      )}
                    </Group>
                  </Combobox.Option>
                ))}
              </Combobox.Group>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
    </form>
  );
}
