import { Alert, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import {
  initiativeHistoryQuery,
  initiativeKeys,
  initiativeQuery,
  initiativeWrites,
} from '../../api/initiatives';
import { notificationKeys } from '../../api/notifications';
import { Facts } from '../../components/facts';
import { OrganisationLink, PageLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { EmptyState, QueryState } from '../../components/query-state';
import { ThemeList } from '../../components/theme-list';
import { useVocabulary } from '../../components/vocabulary';
import { useFormMessage } from '../../forms/use-record-form';
import { chooseText } from '../../i18n/choose-text';
import { useFormat } from '../../i18n/format';
import { useLocale } from '../../i18n/locale-provider';
import { LocalisedText } from '../../i18n/localised-text';
import { useT } from '../../i18n/use-t';
import { CandidatesSection } from './candidates-section';
import {
  refusalMessage,
  statusColour,
  useInitiativeLabels,
  type InitiativeStatus,
} from './initiative-labels';
import { InterestsSection } from './interests-section';

type Initiative = Schemas['Initiative'];

/** /initiatives/:id: what an organisation seeks, its status, the interest it drew and candidate partners. */
export function InitiativePage() {
  const { id = '' } = useParams();
  const query = useQuery(initiativeQuery(id));
  return (
    <QueryState query={query} isPage>
      {(initiative) => <InitiativeView initiative={initiative} />}
    </QueryState>
  );
}

function InitiativeView({ initiative }: { initiative: Initiative }) {
  const t = useT();
  const format = useFormat();
  const vocabulary = useVocabulary();
  const labels = useInitiativeLabels();
  const { locale } = useLocale();
  const title = chooseText(initiative.title, locale);
  usePageTitle(title?.text ?? initiative.displayTitle);
  const population =
    initiative.populationMin !== null || initiative.populationMax !== null
      ? t('initiative.populationRange', {
          min: initiative.populationMin !== null ? format.number(initiative.populationMin) : '–',
          max: initiative.populationMax !== null ? format.number(initiative.populationMax) : '–',
        })
      : undefined;
  return (
    <Stack gap="xl">
      <div>
        <Text c="dimmed" fw={500}>
          {t('initiative.kicker')}
        </Text>
        <Title order={1} lang={title?.language}>
          {title?.text ?? initiative.displayTitle}
        </Title>
        <Group gap="sm" mt="xs">
          <Badge color={statusColour(initiative.status)} variant="light" size="lg" tt="none">
            {labels.status(initiative.status)}
          </Badge>
          <Text size="sm" c="dimmed">
            {labels.visibility(initiative.visibility)}
          </Text>
        </Group>
      </div>
      {initiative.canManage && <ManageBar initiative={initiative} />}
      <Facts
        items={[
          {
            label: t('initiative.field.owner'),
            value: <OrganisationLink organisation={initiative.owner} withDetails />,
          },
          {
            label: t('initiative.field.programme'),
            value: initiative.fundingProgramme ? labels.programme(initiative.fundingProgramme) : undefined,
          },
          { label: t('initiative.field.call'), value: initiative.call },
          {
            label: t('initiative.field.deadline'),
            value: initiative.deadline ? format.partialDate(initiative.deadline) : undefined,
          },
          {
            label: t('initiative.field.partnerKinds'),
            value: initiative.partnerKinds.map((kind) => vocabulary.organisationKind(kind)).join(', '),
          },
          {
            label: t('initiative.field.countries'),
            value: initiative.countries.map((country) => format.country(country)).join(', '),
          },
          { label: t('initiative.field.population'), value: population },
          {
            label: t('initiative.field.languages'),
            value: initiative.languages.map((language) => format.language(language)).join(', '),
          },
          {
            label: t('initiative.field.partnersWanted'),
            value: initiative.partnersWanted !== null ? format.number(initiative.partnersWanted) : undefined,
          },
          {
            label: t('initiative.field.project'),
            value: initiative.project && (
              <PageLink to={`/projects/${initiative.project.slug}`}>
                {initiative.project.acronym ?? initiative.project.title}
              </PageLink>
            ),
          },
          {
            label: t('initiative.field.interests'),
            value: t('initiative.interestCounts', {
              pending: initiative.interests.pending,
              accepted: initiative.interests.accepted,
            }),
          },
        ]}
      />
      <LocalisedText texts={initiative.description} maw="48rem" />
      {initiative.themes.length > 0 && (
        <section aria-labelledby="initiative-themes">
          <Title order={2} size="h3" id="initiative-themes" mb="xs">
            {t('common.themes')}
          </Title>
          <ThemeList codes={initiative.themes} />
        </section>
      )}
      <InterestsSection initiative={initiative} />
      <CandidatesSection initiative={initiative} />
      <HistorySection initiative={initiative} />
    </Stack>
  );
}

/** For the owner's people: edit, and the status moves the machine allows now. */
function ManageBar({ initiative }: { initiative: Initiative }) {
  const t = useT();
  const message = useFormMessage();
  const labels = useInitiativeLabels();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<InitiativeStatus | null>(null);
  const move = useMutation({
    mutationFn: (to: InitiativeStatus) =>
      initiativeWrites.transition(initiative.id, { to, version: initiative.version }),
    onSuccess: async (changed) => {
      setConfirming(null);
      queryClient.setQueryData(initiativeKeys.detail(initiative.id), changed);
      await queryClient.invalidateQueries({ queryKey: initiativeKeys.all });
      await queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
  const isFinal = initiative.allowedTransitions.length === 0;
  return (
    <section aria-labelledby="initiative-manage">
      <Title order={2} size="h3" id="initiative-manage" mb="xs">
        {t('initiative.manage')}
      </Title>
      <Stack gap="sm">
        <Group gap="sm">
          {!isFinal && (
            <Button component={Link} to={`/initiatives/${initiative.id}/edit`} variant="light">
              {t('form.edit')}
            </Button>
          )}
          {initiative.allowedTransitions.map((to) => (
            <Button
              key={to}
              variant={to === 'withdrawn' ? 'outline' : 'filled'}
              color={to === 'withdrawn' ? 'red.9' : undefined}
              loading={move.isPending && move.variables === to}
              onClick={() => (to === 'withdrawn' ? setConfirming(to) : move.mutate(to))}
            >
              {labels.move(to)}
            </Button>
          ))}
        </Group>
        {confirming && (
          <Alert color="red" variant="light" title={t('initiative.withdraw.title')} role="alertdialog">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('initiative.withdraw.text')}</Text>
              <Group gap="sm">
                <Button
                  color="red.9"
                  size="xs"
                  loading={move.isPending}
                  onClick={() => move.mutate(confirming)}
                >
                  {labels.move(confirming)}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(null)}>
                  {t('form.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {move.isError && (
          <Alert color="red" variant="light" title={t('common.error')} role="alert">
            <Text size="sm">{message(refusalMessage(move.error))}</Text>
          </Alert>
        )}
      </Stack>
    </section>
  );
}

/** Every status the initiative has had. */
function HistorySection({ initiative }: { initiative: Initiative }) {
  const t = useT();
  const format = useFormat();
  const labels = useInitiativeLabels();
  const query = useQuery(initiativeHistoryQuery(initiative.id));
  return (
    <section aria-labelledby="initiative-history">
      <Title order={2} size="h3" id="initiative-history" mb="xs">
        {t('initiative.history')}
      </Title>
      <QueryState query={query}>
        {(history) =>
          history.items.length === 0 ? (
            <EmptyState>{t('common.noneRecorded')}</EmptyState>
          ) : (
            <List size="sm" spacing={4}>
              {history.items.map((change, index) => (
                <List.Item key={`${change.changedAt}-${index}`}>
                  {format.timestamp(change.changedAt)}: {labels.status(change.to)}
                  {change.note && (
                    <Text component="span" size="sm" c="dimmed">
                      {' '}
                      ({change.note})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )
        }
      </QueryState>
    </section>
  );
}
