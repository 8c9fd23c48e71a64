import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useT } from '../../i18n/use-t';
import { VocabularySelect } from '../fields';
import { OrganisationPicker } from '../pickers';
import { fieldId, type RecordForm } from '../use-record-form';
import type { ActivityValues, ParticipantRow } from './activity-values';

/** The organisations taking part in an activity, each with its role; rows are added and removed. */
export function ParticipantsInput({
  form,
  rows,
  onChange,
}: {
  form: RecordForm<ActivityValues>;
  rows: ParticipantRow[];
  onChange: (rows: ParticipantRow[]) => void;
}) {
  const t = useT();
  const update = (index: number, change: Partial<ParticipantRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const groupError = form.errorOf('participants');
  return (
    <Fieldset
      id={fieldId('participants')}
      tabIndex={-1}
      legend={t('activity.participants')}
      aria-describedby={groupError ? `${fieldId('participants')}-error` : undefined}
    >
      <Stack gap="md">
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('form.activity.noParticipants')}
          </Text>
        )}
        {rows.map((row, index) => {
          const path = `participants.${index}`;
          const rowLabel = t('form.activity.participantRow', { number: index + 1 });
          return (
            <Group
              key={index}
              role="group"
              aria-label={row.organisationId ? `${rowLabel}: ${row.organisationId.name}` : rowLabel}
              align="flex-start"
              gap="sm"
              wrap="wrap"
            >
              <div style={{ flex: '1 1 20rem' }}>
                <OrganisationPicker
                  id={fieldId(`${path}.organisationId`)}
                  label={t('form.activity.participant', { number: index + 1 })}
                  required
                  value={row.organisationId}
                  onChange={(value) => update(index, { organisationId: value })}
                  error={form.errorOf(`${path}.organisationId`)}
                />
              </div>
              <VocabularySelect
                form={form}
                path={`${path}.role`}
                label={t('form.activity.participantRole', { number: index + 1 })}
                required
                group="activityParticipantRole"
                value={row.role}
                onChange={(value) => update(index, { role: value })}
              />
              <Button
                variant="subtle"
                color="red"
                mt={25}
                aria-label={t('form.removeRow', { row: row.organisationId?.name ?? rowLabel })}
                onClick={() => onChange(rows.filter((_, at) => at !== index))}
              >
                {t('form.remove')}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              onChange([...rows, { organisationId: null, role: rows.length === 0 ? 'host' : 'participant' }])
            }
          >
            {t('form.activity.addParticipant')}
          </Button>
        </Group>
        {groupError && (
          <Text id={`${fieldId('participants')}-error`} size="sm" c="red.9">
            {groupError}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
