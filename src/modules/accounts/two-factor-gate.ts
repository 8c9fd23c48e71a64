import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { writeMethods } from '../../platform/http/access-control.js';
import { mustEnrolTwoFactor } from './sessions.service.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A write that a session which must first enrol in two-factor authentication may still make. */
    allowedBeforeTwoFactorEnrolment?: boolean;
  }
}

/**
 * When two-factor authentication is mandatory, a signed-in user who has not set it up may enrol, sign in
 * and out, change their password and use mailed links, and nothing else that writes: every other write
 * gets 403 `auth.two_factor_enrolment_required`.
 * Install after the access control hooks: like them, it answers before the request's body is read.
 */
export function installTwoFactorGate(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (!writeMethods.has(request.method) || request.is404) return;
    if (!mustEnrolTwoFactor(request.actor)) return;
    if (request.routeOptions.config.allowedBeforeTwoFactorEnrolment) return;
    throw new AppError(
      'auth.two_factor_enrolment_required',
      403,
      'Two-factor authentication is mandatory: set it up for your account before you change anything.',
    );
  });
}
