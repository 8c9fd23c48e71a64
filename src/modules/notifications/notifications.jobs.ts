import { addDays, dayOf, deadlineReminderDays, deadlineReminderStatuses } from '../../domain/initiative.js';
import {
  notificationMail,
  type NotificationKind,
  type NotificationPayload,
} from '../../domain/notification.js';
import { systemActor } from '../../platform/actor.js';
import type { Database } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/helpers.js';
import type { Job } from '../../platform/jobs.js';
import type { Logger } from '../../platform/logger.js';
import type { MailMessage } from '../../platform/mail.js';
import { findInitiativesWithDeadlineBetween } from '../initiatives/initiatives.repository.js';
import {
  claimDeliveries,
  markDelivered,
  markFailed,
  recordScheduledNotice,
} from './notifications.repository.js';
import { notifyOrganisations } from './notifications.service.js';

const actor = systemActor('jobs');

/** How many deliveries one claim takes, how long it holds them, and how often one is tried. */
const claimSize = 20;
const leaseSeconds = 300;
const maxAttempts = 5;

/** Seconds before a failed delivery is tried again: 2, 4, 8, ... minutes, at most an hour. */
function retryDelay(attempts: number): number {
  return Math.min(3600, 60 * 2 ** attempts);
}

export interface NotificationJobsOptions {
  database: Database;
  mailer: { send(message: MailMessage): Promise<void> };
  /** The address of the web app, for links in mails. */
  publicUrl: string;
  logger?: Logger | undefined;
}

/**
 * The background work of notifications. Both parts are safe to run again, concurrently on several
 * servers, and after a restart:
 * - deadline reminders are issued once per initiative and deadline: the `scheduled_notices` row is
 *   written in the same transaction as the notifications, and a second run finds it;
 * - e-mail goes out from the outbox at least once: a run claims deliveries (a lease, rows locked with
 *   `skip locked` so another server passes them by), sends, then records `sent_at`. A crash between
 *   the SMTP server's acceptance and that record sends the mail again when the lease expires: a
 *   duplicate reminder is better than a lost one.
 */
export function createNotificationJobs(options: NotificationJobsOptions) {
  const { database, mailer, publicUrl, logger } = options;

  /** Issues the reminders of deadlines at most seven days away; returns how many initiatives got one. */
  async function issueDeadlineReminders(now: Date = new Date()): Promise<number> {
    const today = dayOf(now);
    const due = await findInitiativesWithDeadlineBetween(
      database.db,
      deadlineReminderStatuses,
      today,
      addDays(today, deadlineReminderDays),
    );
    let issued = 0;
    for (const initiative of due) {
      const deadline = initiative.deadline!;
      const isNew = await inTransaction(database, actor, async (trx) => {
        const recorded = await recordScheduledNotice(trx, {
          initiativeId: initiative.id,
          kind: 'deadline_7d',
          dueOn: deadline,
        });
        if (!recorded) return false;
        const interested = await trx
          .selectFrom('expressionsOfInterest')
          .select('organisationId')
          .where('initiativeId', '=', initiative.id)
          .where('status', 'in', ['pending', 'accepted'])
          .execute();
        await notifyOrganisations(
          trx,
          actor,
          [initiative.ownerOrganisationId, ...interested.map((row) => row.organisationId)],
          'deadline_approaching',
          { initiativeId: initiative.id, initiativeTitle: initiative.title, deadline },
        );
        return true;
      });
      if (isNew) issued += 1;
    }
    return issued;
  }

  /** Sends the mails of the outbox that are due; returns how many went out and how many failed. */
  async function deliverMail(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const claimed = await inTransaction(database, actor, (trx) =>
        claimDeliveries(trx, { limit: claimSize, leaseSeconds, maxAttempts }),
      );
      if (claimed.length === 0) break;
      for (const delivery of claimed) {
        if (delivery.userStatus !== 'active') {
          // A disabled account gets no mail; the notice stays in the application.
          await markDelivered(database.db, delivery.id);
          continue;
        }
        const mail = notificationMail(
          delivery.kind as NotificationKind,
          delivery.payload as unknown as NotificationPayload,
          publicUrl,
          delivery.language,
        );
        try {
          await mailer.send({ to: delivery.email, ...mail });
          await markDelivered(database.db, delivery.id);
          sent += 1;
        } catch (error) {
          failed += 1;
          const message = error instanceof Error ? error.message : String(error);
          await markFailed(database.db, delivery.id, message, retryDelay(delivery.attempts));
          logger?.warn(
            { delivery: delivery.id, attempts: delivery.attempts, error: message },
            'mail not sent',
          );
        }
      }
    }
    return { sent, failed };
  }

  /** The jobs a server runs on its timer and `pobratim jobs run` runs once. */
  const jobs: Job[] = [
    { name: 'deadline-reminders', run: () => issueDeadlineReminders() },
    { name: 'mail-delivery', run: () => deliverMail() },
  ];

  return {
    issueDeadlineReminders,
    deliverMail,
    jobs,
    /** Runs every job once, in order: reminders first, so their mails go out in the same run. */
    async runOnce(now: Date = new Date()) {
      const reminders = await issueDeadlineReminders(now);
      const mail = await deliverMail();
      return { reminders, ...mail };
    },
  };
}

export type NotificationJobs = ReturnType<typeof createNotificationJobs>;
