import { Alert, Button, Code, List, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { downloadBackup } from '../../api/accounts';
import { SignedInOnly } from '../../accounts/signed-in-only';
import { recordErrorMessage } from '../../forms/problem';
import { useFormMessage } from '../../forms/use-record-form';
import { useT } from '../../i18n/use-t';

/**
 * A backup of the whole database from the running server, for administrators: on the embedded
 * database this is how a backup is taken while the server runs (`pobratim backup` needs it stopped).
 */
export function BackupPage() {
  const t = useT();
  return (
    <SignedInOnly title={t('admin.backup.title')} isForAdministrators>
      {() => <Backup />}
    </SignedInOnly>
  );
}

/** Hands a file to the browser as a download. */
function saveFile(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Backup() {
  const t = useT();
  const message = useFormMessage();
  const download = useMutation({
    mutationFn: downloadBackup,
    onSuccess: ({ file, name }) => saveFile(file, name),
  });
  return (
    <Stack gap="lg" maw="48rem">
      <Title order={1}>{t('admin.backup.title')}</Title>
      <Text>{t('admin.backup.intro')}</Text>
      <Alert color="yellow" variant="light" title={t('admin.backup.keepSafeTitle')}>
        <Text size="sm">{t('admin.backup.keepSafe')}</Text>
      </Alert>
      <div>
        <Button onClick={() => download.mutate()} loading={download.isPending}>
          {t('admin.backup.download')}
        </Button>
      </div>
      <div aria-live="polite">
        {download.isPending && <Text size="sm">{t('admin.backup.preparing')}</Text>}
        {download.isSuccess && (
          <Text size="sm">{t('admin.backup.downloaded', { name: download.data.name })}</Text>
        )}
        {download.isError && (
          <Alert color="red" variant="light" title={t('admin.backup.failed')}>
            <Text size="sm">{message(recordErrorMessage(download.error))}</Text>
          </Alert>
        )}
      </div>
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('admin.backup.restoreTitle')}
        </Title>
        <List size="sm" spacing="xs">
          <List.Item>{t('admin.backup.restoreStop')}</List.Item>
          <List.Item>
            <Code>pobratim restore FILE</Code> {t('admin.backup.restoreCommand')}
          </List.Item>
          <List.Item>{t('admin.backup.restoreStart')}</List.Item>
        </List>
      </Stack>
    </Stack>
  );
}
