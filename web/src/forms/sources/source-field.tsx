import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useT } from '../../i18n/use-t';
import type { PickedSource } from '../picked';
import { SourcePicker } from '../pickers';
import { fieldId, type RecordForm } from '../use-record-form';
import { NewSourceDialog } from './source-form';

/** The source of a record's facts: chosen among the recorded sources, or recorded on the spot. */
export function SourceField<V extends object>({
  form,
  value,
  onChange,
}: {
  form: RecordForm<V>;
  value: PickedSource | null;
  onChange: (source: PickedSource | null) => void;
}) {
  const t = useT();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <div style={{ flex: '1 1 22rem' }}>
        <SourcePicker
          id={fieldId('sourceId')}
          label={t('form.sourceId')}
          value={value}
          onChange={onChange}
          error={form.errorOf('sourceId')}
        />
      </div>
      <Button variant="light" mt={25} onClick={open}>
        {t('form.source.new')}
      </Button>
      <NewSourceDialog
        opened={opened}
        onClose={close}
        onCreated={(source) => onChange({ id: source.id, title: source.title })}
      />
    </Group>
  );
}
