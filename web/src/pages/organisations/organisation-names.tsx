import { Table, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { useVocabulary } from '../../components/vocabulary';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

/** Every name of an organisation, with its language, script and kind. */
export function OrganisationNames({ names }: { names: Schemas['Organisation']['names'] }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  return (
    <section aria-labelledby="organisation-names">
      <Title order={2} size="h3" id="organisation-names" mb="xs">
        {t('organisation.names')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table striped maw="48rem">
          <Table.Caption className="visually-hidden">{t('organisation.namesCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('organisation.name')}</Table.Th>
              <Table.Th scope="col">{t('organisation.language')}</Table.Th>
              <Table.Th scope="col">{t('organisation.script')}</Table.Th>
              <Table.Th scope="col">{t('organisation.nameKind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {names.map((name) => (
              <Table.Tr key={`${name.language}-${name.script}-${name.kind}-${name.name}`}>
                <Table.Td lang={`${name.language}-${name.script}`}>{name.name}</Table.Td>
                <Table.Td>{format.language(name.language)}</Table.Td>
                <Table.Td>{format.script(name.script)}</Table.Td>
                <Table.Td>{vocabulary.nameKind(name.kind)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
