import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SignInLink } from '../accounts/sign-in-link';
import { ApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { isVersionConflict, recordErrorMessage } from './problem';
import { useAfterWrite } from './records';
import { useFormMessage } from './use-record-form';

export interface DeleteRecordButtonProps {
  /** The record's name as the reader knows it: "Delete Zagreb – Vienna?". */
  name: string;
  /** The version read; a record changed since is not deleted (409). */
  version: number;
  remove: (version: number) => Promise<unknown>;
  /** Where to go once the record is gone: its list, or the page it belonged to. */
  afterDelete: string;
  /** Fetches the record's latest version after a conflict. */
  reload: () => Promise<number>;
}

/**
 * Delete, after confirmation in a modal dialog (labelled by its question, focus kept inside, Cancel
 * focused first). A record someone changed meanwhile is not deleted: the dialog says so and offers to
 * reload the latest version first.
 */
export function DeleteRecordButton({ name, version, remove, afterDelete, reload }: DeleteRecordButtonProps) {
  const t = useT();
  const message = useFormMessage();
  const navigate = useNavigate();
  const afterWrite = useAfterWrite();
  const [opened, { open, close }] = useDisclosure(false);
  const [latestVersion, setLatestVersion] = useState<number | undefined>(undefined);
  const [isReloaded, setIsReloaded] = useState(false);
  const deletion = useMutation({ mutationFn: (at: number) => remove(at) });
  const reloading = useMutation({
    mutationFn: reload,
    onSuccess: (latest) => {
      setLatestVersion(latest);
      setIsReloaded(true);
      deletion.reset();
    },
  });
  const current = latestVersion ?? version;
  const isConflict = deletion.isError && isVersionConflict(deletion.error);

  const dismiss = () => {
    close();
    deletion.reset();
    setIsReloaded(false);
  };

  return (
    <>
      <Button variant="outline" color="red.9" onClick={open}>
        {t('form.delete')}
      </Button>
      <Modal
        opened={opened}
        onClose={dismiss}
        title={t('form.delete.title', { name })}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        centered
      >
        <Stack gap="md">
          <Text>{t('form.delete.text')}</Text>
          <div aria-live="assertive">
            {isConflict && (
              <Alert color="red" variant="light" title={t('form.conflict.title')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{t('form.delete.conflict')}</Text>
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    loading={reloading.isPending}
                    onClick={() => reloading.mutate()}
                  >
                    {t('form.conflict.reload')}
                  </Button>
                </Stack>
              </Alert>
            )}
            {isReloaded && !deletion.isError && (
              <Alert color="blue" variant="light">
                <Text size="sm">{t('form.delete.reloaded')}</Text>
              </Alert>
            )}
            {deletion.isError && !isConflict && (
              <Alert color="red" variant="light" title={t('form.delete.failed')}>
                <Stack gap="xs" align="flex-start">
                  <Text size="sm">{message(recordErrorMessage(deletion.error))}</Text>
                  {deletion.error instanceof ApiError && deletion.error.isSignInNeeded && (
                    <SignInLink size="sm" />
                  )}
                </Stack>
              </Alert>
            )}
            {reloading.isError && (
              <Alert color="red" variant="light" title={t('common.error')}>
                <Text size="sm">{message(recordErrorMessage(reloading.error))}</Text>
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dismiss} data-autofocus>
              {t('form.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={deletion.isPending}
              disabled={isConflict}
              onClick={() =>
                deletion.mutate(current, {
                  onSuccess: async () => {
                    close();
                    // Leave the record's page before refreshing, so its query is not asked again (404).
                    await navigate(afterDelete);
                    await afterWrite();
                  },
                })
              }
            >
              {t('form.delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
