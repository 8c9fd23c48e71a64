import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { BodyOf, Schemas } from '../../api/client';
import { initiativeKeys, initiativeWrites, interestListQuery } from '../../api/initiatives';
import { notificationKeys } from '../../api/notifications';
import { SignInLink } from '../../accounts/sign-in-link';
import { useSession } from '../../accounts/use-session';
import { OrganisationLink } from '../../components/links';
import { EmptyState, QueryState } from '../../components/query-state';
import { useFormMessage } from '../../forms/use-record-form';
import { useFormat } from '../../i18n/format';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { refusalMessage } from './initiative-labels';

type Initiative = Schemas['Initiative'];
type Interest = Schemas['Interest'];
type AcceptanceRecord = NonNullable<BodyOf<'acceptInterest'>['create']>;

const takingInterest = new Set(['open', 'shortlisting']);

/** Marks everything an answer changes as stale: the initiative, its interests, projects, notifications. */
function useAfterAnswer() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: initiativeKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['projects'] }),
      queryClient.invalidateQueries({ queryKey: ['partnerships'] }),
      queryClient.invalidateQueries({ queryKey: ['organisations'] }),
      queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
    ]);
  };
}

/**
 * The expressions of interest in an initiative (all of them for its managers, one's own for others), the
 * owner's answers, and the form to express interest for one of the reader's organisations.
 */
export function InterestsSection({ initiative }: { initiative: Initiative }) {
  const t = useT();
  const { user } = useSession();
  const query = useQuery({ ...interestListQuery(initiative.id), enabled: user !== null });
  return (
    <section aria-labelledby="initiative-interests">
      <Title order={2} size="h3" id="initiative-interests" mb="xs">
        {t('initiative.interests.heading')}
      </Title>
      {user === null ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {takingInterest.has(initiative.status)
              ? t('initiative.interests.signIn')
              : t('initiative.interests.closed')}
          </Text>
          {takingInterest.has(initiative.status) && <SignInLink size="sm" />}
        </Stack>
      ) : (
        <QueryState query={query}>
          {(interests) => (
            <Stack gap="md">
              {interests.items.length === 0 ? (
                <EmptyState>
                  {initiative.canManage
                    ? t('initiative.interests.noneYet')
                    : t('initiative.interests.noneOwn')}
                </EmptyState>
              ) : (
                <Stack component="ul" className="plain-list" gap="sm">
                  {interests.items.map((interest) => (
                    <li key={interest.id}>
                      <InterestCard initiative={initiative} interest={interest} />
                    </li>
                  ))}
                </Stack>
              )}
              <ExpressInterest initiative={initiative} interests={interests.items} />
            </Stack>
          )}
        </QueryState>
      )}
    </section>
  );
}

const interestColours: Record<Interest['status'], string> = {
  pending: 'yellow',
  accepted: 'green',
  declined: 'gray',
  withdrawn: 'gray',
};

function InterestCard({ initiative, interest }: { initiative: Initiative; interest: Interest }) {
  const t = useT();
  const format = useFormat();
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            <OrganisationLink organisation={interest.organisation} withDetails />
          </Text>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {format.timestamp(interest.createdAt)}
            </Text>
            <Badge color={interestColours[interest.status]} variant="light" tt="none">
              {t(`initiative.interest.status.${interest.status}` as MessageId)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {interest.message}
        </Text>
        {interest.responseNote && (
          <Text size="sm" c="dimmed">
            {t('initiative.interest.response', { note: interest.responseNote })}
          </Text>
        )}
        {interest.canAnswer && <AnswerControls initiative={initiative} interest={interest} />}
        {interest.canWithdraw && <WithdrawControl interest={interest} />}
      </Stack>
    </Card>
  );
}

/** Accept (recording the partner in the project, a partnership or nothing more) or decline. */
function AnswerControls({ initiative, interest }: { initiative: Initiative; interest: Interest }) {
  const t = useT();
  const message = useFormMessage();
  const afterAnswer = useAfterAnswer();
  const [record, setRecord] = useState<AcceptanceRecord>(
    initiative.fundingProgramme ? 'project_partner' : 'partnership',
  );
  const answer = useMutation({
    mutationFn: (decision: 'accept' | 'decline') =>
      decision === 'accept'
        ? initiativeWrites.accept(interest.id, { version: interest.version, create: record })
        : initiativeWrites.decline(interest.id, { version: interest.version }),
    onSuccess: afterAnswer,
  });
  const name = interest.organisation.name;
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('initiative.accept.record')}
          value={record}
          onChange={(event) => setRecord(event.currentTarget.value as AcceptanceRecord)}
          data={[
            ...(initiative.fundingProgramme
              ? [{ value: 'project_partner', label: t('initiative.accept.projectPartner') }]
              : []),
            { value: 'partnership', label: t('initiative.accept.partnership') },
            { value: 'none', label: t('initiative.accept.none') },
          ]}
        />
        <Button
          loading={answer.isPending && answer.variables === 'accept'}
          onClick={() => answer.mutate('accept')}
          aria-label={t('initiative.accept.labelFor', { name })}
        >
          {t('initiative.accept')}
        </Button>
        <Button
          variant="default"
          loading={answer.isPending && answer.variables === 'decline'}
          onClick={() => answer.mutate('decline')}
          aria-label={t('initiative.decline.labelFor', { name })}
        >
          {t('initiative.decline')}
        </Button>
      </Group>
      {answer.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{message(refusalMessage(answer.error))}</Text>
        </Alert>
      )}
    </Stack>
  );
}

function WithdrawControl({ interest }: { interest: Interest }) {
  const t = useT();
  const message = useFormMessage();
  const afterAnswer = useAfterAnswer();
  const withdraw = useMutation({
    mutationFn: () => initiativeWrites.withdraw(interest.id, { version: interest.version }),
    onSuccess: afterAnswer,
  });
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="subtle" size="xs" loading={withdraw.isPending} onClick={() => withdraw.mutate()}>
        {t('initiative.interest.withdraw')}
      </Button>
      {withdraw.isError && (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{message(refusalMessage(withdraw.error))}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/**
 * "Express interest": for an editor or coordinator of an organisation other than the owner, while the
 * initiative takes interest, choosing which of their organisations is interested.
 */
function ExpressInterest({ initiative, interests }: { initiative: Initiative; interests: Interest[] }) {
  const t = useT();
  const message = useFormMessage();
  const afterAnswer = useAfterAnswer();
  const { user } = useSession();
  const formId = useId();
  const live = new Set(
    interests
      .filter((interest) => interest.status === 'pending' || interest.status === 'accepted')
      .map((interest) => interest.organisation.id),
  );
  const choices = (user?.grants ?? []).filter(
    (grant) =>
      grant.role !== 'viewer' &&
      grant.organisationId !== initiative.owner.id &&
      !live.has(grant.organisationId),
  );
  const [organisationId, setOrganisationId] = useState(choices[0]?.organisationId ?? '');
  const [text, setText] = useState('');
  const [sentBy, setSentBy] = useState<string | null>(null);
  const express = useMutation({
    mutationFn: (interested: string) =>
      initiativeWrites.expressInterest(initiative.id, { organisationId: interested, message: text.trim() }),
    onSuccess: async (interest) => {
      setSentBy(interest.organisation.name);
      setText('');
      await afterAnswer();
    },
  });
  if (!takingInterest.has(initiative.status)) return null;
  const chosen = choices.some((choice) => choice.organisationId === organisationId)
    ? organisationId
    : (choices[0]?.organisationId ?? '');
  if (choices.length === 0) {
    return sentBy ? (
      <Alert color="green" variant="light" role="status">
        <Text size="sm">{t('initiative.express.sent', { name: sentBy })}</Text>
      </Alert>
    ) : null;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    express.mutate(chosen);
  };
  return (
    <form onSubmit={submit} aria-labelledby={`${formId}-title`} noValidate>
      <Card withBorder padding="md">
        <Stack gap="sm" maw="40rem">
          <Title order={3} size="h4" id={`${formId}-title`}>
            {t('initiative.express.title')}
          </Title>
          {sentBy && (
            <Alert color="green" variant="light" role="status">
              <Text size="sm">{t('initiative.express.sent', { name: sentBy })}</Text>
            </Alert>
          )}
          <NativeSelect
            label={t('initiative.express.organisation')}
            value={chosen}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            data={choices.map((grant) => ({ value: grant.organisationId, label: grant.organisation.name }))}
          />
          <Textarea
            label={t('initiative.express.message')}
            description={t('initiative.express.messageHint')}
            required
            autosize
            minRows={3}
            maxLength={5000}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={express.isError ? message(refusalMessage(express.error)) : undefined}
          />
          <Group>
            <Button type="submit" loading={express.isPending} disabled={text.trim() === ''}>
              {t('initiative.express.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
