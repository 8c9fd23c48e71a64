import {
  Anchor,
  Badge,
  Button,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';
import { notificationKeys, notificationListQuery, notificationWrites } from '../api/notifications';
import { useSession } from '../accounts/use-session';
import { chooseText } from '../i18n/choose-text';
import { useFormat } from '../i18n/format';
import { useLocale } from '../i18n/locale-provider';
import { useT } from '../i18n/use-t';
import { useInitiativeLabels } from '../pages/initiatives/initiative-labels';

type Notification = Schemas['Notification'];

/** The notice in the reader's words, from the facts the notification carries. */
function useNotificationText(): (notification: Notification) => string {
  const t = useT();
  const format = useFormat();
  const labels = useInitiativeLabels();
  const { locale } = useLocale();
  return (notification) => {
    const { payload } = notification;
    const title = chooseText(payload.initiativeTitle, locale)?.text ?? '';
    switch (notification.kind) {
      case 'interest_received':
        return t('notifications.kind.interestReceived', {
          organisation: payload.organisationName ?? '',
          title,
        });
      case 'interest_answered':
        return payload.answer === 'declined'
          ? t('notifications.kind.interestDeclined', { title })
          : t('notifications.kind.interestAccepted', { title });
      case 'initiative_status_changed':
        return t('notifications.kind.statusChanged', {
          title,
          status: payload.to ? labels.status(payload.to) : '',
        });
      case 'deadline_approaching':
        return t('notifications.kind.deadline', {
          title,
          date: payload.deadline ? format.partialDate(payload.deadline) : '',
        });
    }
  };
}

/**
 * The header's notifications for a signed-in user: a button with the number of unread notices, opening
 * the newest ones; following one marks it read.
 */
export function NotificationsBell() {
  const { user } = useSession();
  if (!user) return null;
  return <Bell />;
}

function Bell() {
  const t = useT();
  const format = useFormat();
  const text = useNotificationText();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const query = useQuery(notificationListQuery());
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({ mutationFn: notificationWrites.markRead, onSuccess: refresh });
  const markAllRead = useMutation({ mutationFn: notificationWrites.markAllRead, onSuccess: refresh });
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus>
      <Popover.Target>
        <Button
          variant="default"
          size="xs"
          onClick={() => setOpened((isOpen) => !isOpen)}
          aria-expanded={opened}
          aria-label={t('notifications.button', { count: unread })}
          rightSection={
            unread > 0 ? (
              <Badge size="xs" color="red.9" circle aria-hidden>
                {unread}
              </Badge>
            ) : undefined
          }
        >
          {t('notifications.title')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('notifications.title')}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600}>{t('notifications.title')}</Text>
            {unread > 0 && (
              <Button variant="subtle" size="compact-xs" onClick={() => markAllRead.mutate()}>
                {t('notifications.markAllRead')}
              </Button>
            )}
          </Group>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={400}>
              <Stack component="ul" className="plain-list" gap={6}>
                {items.map((notification) => (
                  <li key={notification.id}>
                    <UnstyledButton
                      component={Link}
                      to={`/initiatives/${notification.payload.initiativeId}`}
                      onClick={() => {
                        setOpened(false);
                        if (!notification.readAt) markRead.mutate(notification.id);
                      }}
                      style={{ display: 'block', padding: '4px 6px', borderRadius: 4 }}
                    >
                      <Text size="sm" fw={notification.readAt ? 400 : 600}>
                        {!notification.readAt && (
                          <span className="visually-hidden">{t('notifications.unread')}: </span>
                        )}
                        {text(notification)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {format.timestamp(notification.createdAt)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Anchor component={Link} to="/initiatives" size="sm" onClick={() => setOpened(false)}>
            {t('notifications.allInitiatives')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
