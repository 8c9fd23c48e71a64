import { Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/use-t';
import { HintedInput, VocabularySelect } from '../fields';
import { OrganisationPicker } from '../pickers';
import { fieldId, type RecordForm } from '../use-record-form';
import { newPartnerRow, type PartnerRow, type ProjectValues } from './project-values';

/**
 * A project's partners, one group per partner: the organisation (found by any name), its role, its budget
 * and currency, and its co-financing rate and fund. The lead is one of the roles; the page lists it first.
 */
export function PartnersInput({
  form,
  rows,
  onChange,
  currency,
}: {
  form: RecordForm<ProjectValues>;
  rows: PartnerRow[];
  onChange: (rows: PartnerRow[]) => void;
  /** The project's currency, which a new partner's budget starts in. */
  currency: string;
}) {
  const t = useT();
  const update = (index: number, change: Partial<PartnerRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const groupError = form.errorOf('partners');
  return (
    <Fieldset
      id={fieldId('partners')}
      tabIndex={-1}
      legend={t('project.partners')}
      aria-describedby={groupError ? `${fieldId('partners')}-error` : undefined}
    >
      <Stack gap="md">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('form.project.noPartners')}
          </Text>
        )}
        {rows.map((row, index) => {
          const path = `partners.${index}`;
          const rowLabel = t('form.project.partnerRow', { number: index + 1 });
          return (
            <Fieldset
              key={index}
              variant="filled"
              legend={row.organisationId ? `${rowLabel}: ${row.organisationId.name}` : rowLabel}
            >
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <OrganisationPicker
                    id={fieldId(`${path}.organisationId`)}
                    label={t('organisation.organisation')}
                    required
                    value={row.organisationId}
                    onChange={(value) => update(index, { organisationId: value })}
                    error={form.errorOf(`${path}.organisationId`)}
                  />
                  <VocabularySelect
                    form={form}
                    path={`${path}.role`}
                    label={t('common.role')}
                    required
                    group="projectPartnerRole"
                    value={row.role}
                    onChange={(value) => update(index, { role: value })}
                  />
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
                  <HintedInput
                    form={form}
                    path={`${path}.budget`}
                    label={t('project.budget')}
                    description={t('form.format.amount')}
                    inputMode="decimal"
                    value={row.budget}
                    onChange={(value) => update(index, { budget: value })}
                  />
                  <HintedInput
                    form={form}
                    path={`${path}.currency`}
                    label={t('form.currency')}
                    description={t('form.format.currency')}
                    value={row.currency}
                    onChange={(value) => update(index, { currency: value.toUpperCase() })}
                  />
                  <HintedInput
                    form={form}
                    path={`${path}.coFinancingRate`}
                    label={t('form.project.coFinancingRate')}
                    description={t('form.format.rate')}
                    inputMode="decimal"
                    value={row.coFinancingRate}
                    onChange={(value) => update(index, { coFinancingRate: value })}
                  />
                  <HintedInput
                    form={form}
                    path={`${path}.coFinancingFund`}
                    label={t('form.project.coFinancingFund')}
                    description={t('form.format.fund')}
                    value={row.coFinancingFund}
                    onChange={(value) => update(index, { coFinancingFund: value })}
                  />
                </SimpleGrid>
                <Group>
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    aria-label={t('form.removeRow', { row: row.organisationId?.name ?? rowLabel })}
                    onClick={() => onChange(rows.filter((_, at) => at !== index))}
                  >
                    {t('form.remove')}
                  </Button>
                </Group>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              onChange([...rows, newPartnerRow(null, currency, rows.length === 0 ? 'lead' : 'partner')])
            }
          >
            {t('form.project.addPartner')}
          </Button>
        </Group>
        {groupError && (
          <Text id={`${fieldId('partners')}-error`} size="sm" c="red.9">
            {groupError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
