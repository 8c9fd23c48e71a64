import { Alert, Badge, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useWriteScope } from '../api/access';
import { ApiError } from '../api/client';
import {
  mayAnswer,
  useAnswerConfirmation,
  type ConfirmableRelation,
  type Confirmation,
} from '../api/confirmation';
import { recordErrorMessage, type FormMessage } from '../forms/problem';
import { useFormMessage } from '../forms/use-record-form';
import { useT } from '../i18n/use-t';

/** A side of a relation as the badge names it. */
export interface Party {
  id: string;
  name: string;
}

const colours: Record<Confirmation['state'], string> = {
  claimed: 'blue.9',
  confirmed: 'teal.9',
  disputed: 'red.9',
  reported_by_source: 'gray.8',
};

/**
 * Where a relation stands with its sides: claimed by one side, confirmed by both, disputed (with the
 * reason), or as a source reported it.
 */
export function ConfirmationBadge({
  confirmation,
  parties,
}: {
  confirmation: Confirmation;
  parties: readonly Party[];
}) {
  const t = useT();
  const claimant = parties.find((party) => party.id === confirmation.claimedBy);
  const label =
    confirmation.state === 'claimed'
      ? claimant
        ? t('confirmation.claimedBy', { name: claimant.name })
        : t('confirmation.state.claimed')
      : t(`confirmation.state.${confirmation.state}`);
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        color={colours[confirmation.state]}
        variant="outline"
        tt="none"
        data-confirmation={confirmation.state}
      >
        {label}
      </Badge>
      {confirmation.state === 'disputed' && confirmation.reason && (
        <Text size="sm">{t('confirmation.disputeReason', { reason: confirmation.reason })}</Text>
      )}
    </Stack>
  );
}

const answerMessages: Record<string, FormMessage> = {
  'confirmation.own_claim': { id: 'confirmation.error.ownClaim' },
  'confirmation.already_confirmed': { id: 'confirmation.error.alreadyConfirmed' },
  'confirmation.already_disputed': { id: 'confirmation.error.alreadyDisputed' },
};

function answerError(error: unknown): FormMessage {
  const code = error instanceof ApiError ? error.problem?.code : undefined;
  return (code && answerMessages[code]) || recordErrorMessage(error);
}

/**
 * Confirm and Dispute, for a writer of the side that did not enter the relation (administrators answer
 * for either side). Disputing asks for the reason in a dialog. Nothing shows for anyone else.
 */
export function ConfirmationActions({
  relation,
  confirmation,
  parties,
  subject,
}: {
  relation: ConfirmableRelation;
  confirmation: Confirmation;
  parties: readonly Party[];
  /** What the relation is, for the buttons' accessible names: "the partnership with Sofia". */
  subject: string;
}) {
  const t = useT();
  const message = useFormMessage();
  const scope = useWriteScope();
  const answer = useAnswerConfirmation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [isReasonMissing, setIsReasonMissing] = useState(false);
  const ids = parties.map((party) => party.id);
  if (!mayAnswer(scope, ids, confirmation)) return null;

  const dismiss = () => {
    close();
    answer.reset();
    setIsReasonMissing(false);
  };
  const dispute = () => {
    if (reason.trim() === '') {
      setIsReasonMissing(true);
      return;
    }
    answer.mutate({ relation, reason: reason.trim() }, { onSuccess: dismiss });
  };

  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs" wrap="nowrap">
        {confirmation.state !== 'confirmed' && (
          <Button
            size="compact-sm"
            variant="outline"
            color="teal.9"
            loading={answer.isPending && !opened}
            aria-label={t('confirmation.confirmOf', { subject })}
            onClick={() => answer.mutate({ relation })}
          >
            {t('confirmation.confirm')}
          </Button>
        )}
        {confirmation.state !== 'disputed' && (
          <Button
            size="compact-sm"
            variant="outline"
            color="red.9"
            aria-label={t('confirmation.disputeOf', { subject })}
            onClick={open}
          >
            {t('confirmation.dispute')}
          </Button>
        )}
      </Group>
      {answer.isError && !opened && (
        <Text size="sm" c="red.9" role="alert">
          {message(answerError(answer.error))}
        </Text>
      )}
      <Modal
        opened={opened}
        onClose={dismiss}
        title={t('confirmation.disputeOf', { subject })}
        closeButtonProps={{ 'aria-label': t('form.close') }}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{t('confirmation.dispute.text')}</Text>
          <Textarea
            label={t('confirmation.dispute.reason')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={reason}
            error={isReasonMissing ? t('confirmation.dispute.reasonRequired') : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setIsReasonMissing(false);
            }}
            data-autofocus
          />
          <div aria-live="assertive">
            {answer.isError && (
              <Alert color="red" variant="light" title={t('common.error')}>
                <Text size="sm">{message(answerError(answer.error))}</Text>
              </Alert>
            )}
          </div>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={dismiss}>
              {t('form.cancel')}
            </Button>
            <Button color="red.9" loading={answer.isPending} onClick={dispute}>
              {t('confirmation.dispute')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
