import { Type } from '@sinclair/typebox';
import type { App } from '../../platform/http/app-types.js';
import { IdParams, problemResponses } from '../../platform/http/schemas.js';
import type { AccessService } from '../access/access.service.js';
import { Membership } from '../memberships/memberships.schemas.js';
import { membershipPolicies } from '../memberships/memberships.policies.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import { Partnership } from '../partnerships/partnerships.schemas.js';
import { partnershipPolicies } from '../partnerships/partnerships.policies.js';
import type { PartnershipsService } from '../partnerships/partnerships.service.js';
import { ProjectPartnerParams } from '../projects/project-partners.schemas.js';
import { Project } from '../projects/projects.schemas.js';
import { projectPolicies } from '../projects/projects.policies.js';
import type { ProjectsService } from '../projects/projects.service.js';
import { ConfirmRelation, DisputeRelation } from './confirmation.schemas.js';
import type { ConfirmationService } from './confirmation.service.js';

const answers = problemResponses(400, 401, 403, 404, 409);

const confirmDescription =
  'The other side of the one that entered it confirms it: a writer of the claiming side gets 403 ' +
  '`confirmation.own_claim`; a confirmed relation gets 409 `confirmation.already_confirmed`; send the ' +
  '`version` you read (else 409).';
const disputeDescription =
  'The other side of the one that entered it disputes it, with a reason shown with the relation: a writer ' +
  'of the claiming side gets 403 `confirmation.own_claim`; a disputed relation gets 409 ' +
  '`confirmation.already_disputed`; send the `version` you read (else 409).';

/** Confirming and disputing partnerships, memberships and project partnerships. */
export function confirmationRoutes(
  app: App,
  services: {
    confirmation: ConfirmationService;
    access: AccessService;
    partnerships: PartnershipsService;
    memberships: MembershipsService;
    projects: ProjectsService;
  },
): void {
  const { confirmation } = services;
  const partnerships = partnershipPolicies(services);
  const memberships = membershipPolicies(services);
  const projects = projectPolicies(services);

  app.post('/api/partnerships/:id/confirm', {
    config: { policy: partnerships.answer },
    schema: {
      operationId: 'confirmPartnership',
      summary: 'Confirm a partnership for your side',
      description: confirmDescription,
      tags: ['partnerships'],
      params: IdParams,
      body: Type.Ref(ConfirmRelation),
      response: { 200: Type.Ref(Partnership), ...answers },
    },
    handler: (request) =>
      confirmation.confirmPartnership(request.actor, request.params.id, request.body as ConfirmRelation),
  });

  app.post('/api/partnerships/:id/dispute', {
    config: { policy: partnerships.answer },
    schema: {
      operationId: 'disputePartnership',
      summary: 'Dispute a partnership for your side',
      description: disputeDescription,
      tags: ['partnerships'],
      params: IdParams,
      body: Type.Ref(DisputeRelation),
      response: { 200: Type.Ref(Partnership), ...answers },
    },
    handler: (request) =>
      confirmation.disputePartnership(request.actor, request.params.id, request.body as DisputeRelation),
  });

  app.post('/api/memberships/:id/confirm', {
    config: { policy: memberships.answer },
    schema: {
      operationId: 'confirmMembership',
      summary: 'Confirm a membership for your side',
      description: `${confirmDescription} The network's secretariat answers for the network.`,
      tags: ['memberships'],
      params: IdParams,
      body: Type.Ref(ConfirmRelation),
      response: { 200: Type.Ref(Membership), ...answers },
    },
    handler: (request) =>
      confirmation.confirmMembership(request.actor, request.params.id, request.body as ConfirmRelation),
  });

  app.post('/api/memberships/:id/dispute', {
    config: { policy: memberships.answer },
    schema: {
      operationId: 'disputeMembership',
      summary: 'Dispute a membership for your side',
      description: `${disputeDescription} The network's secretariat answers for the network.`,
      tags: ['memberships'],
      params: IdParams,
      body: Type.Ref(DisputeRelation),
      response: { 200: Type.Ref(Membership), ...answers },
    },
    handler: (request) =>
      confirmation.disputeMembership(request.actor, request.params.id, request.body as DisputeRelation),
  });

  app.post('/api/projects/:id/partners/:organisationId/confirm', {
    config: { policy: projects.partner },
    schema: {
      operationId: 'confirmProjectPartner',
      summary: "Confirm a partner's place in a project",
      description: `The lead confirms a partner's claim; a partner confirms what the lead entered for it. ${confirmDescription} The version is the project's.`,
      tags: ['projects'],
      params: ProjectPartnerParams,
      body: Type.Ref(ConfirmRelation),
      response: { 200: Type.Ref(Project), ...answers },
    },
    handler: (request) =>
      confirmation.confirmProjectPartner(
        request.actor,
        request.params.id,
        request.params.organisationId,
        request.body as ConfirmRelation,
      ),
  });

  app.post('/api/projects/:id/partners/:organisationId/dispute', {
    config: { policy: projects.partner },
    schema: {
      operationId: 'disputeProjectPartner',
      summary: "Dispute a partner's place in a project",
      description: `The lead disputes a partner's claim; a partner disputes what the lead entered for it. ${disputeDescription} The version is the project's.`,
      tags: ['projects'],
      params: ProjectPartnerParams,
      body: Type.Ref(DisputeRelation),
      response: { 200: Type.Ref(Project), ...answers },
    },
    handler: (request) =>
      confirmation.disputeProjectPartner(
        request.actor,
        request.params.id,
        request.params.organisationId,
        request.body as DisputeRelation,
      ),
  });
}
