import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable, writeMethods } from '../src/platform/http/access-control.js';
import type { Client } from './auth.js';
import {
  makeActivity,
  makeMembership,
  makeOrganisation,
  makePartnership,
  makeProgramme,
  makeProject,
  makeSource,
  makeTheme,
} from './factories.js';
import { writeFixtures } from './fixtures.js';
import { expressInterest, makeInitiative } from './initiative-factories.js';
import { fixturePlaces, insertFixturePlaces } from './places-fixture.js';
import { createTestApp, type TestApp } from './test-app.js';

/**
 * The permission matrix: every write route of the server against every kind of caller. Each route is
 * listed here with the roles it allows; a route the server has and this file does not list fails the
 * first test, so a new write route cannot ship without its row. The roles are relative to the
 * organisation the record belongs to (`own`).
 */
const roles = ['administrator', 'coordinator', 'editor', 'otherEditor', 'viewer', 'anonymous'] as const;
type Role = (typeof roles)[number];

const roleNames: Record<Role, string> = {
  administrator: 'an administrator',
  coordinator: "a coordinator of an association the record's organisation is a member of",
  editor: "an editor of the record's organisation",
  otherEditor: 'an editor of another organisation',
  viewer: "a viewer of the record's organisation",
  anonymous: 'an anonymous visitor',
};

const writersOfOwn: readonly Role[] = ['administrator', 'coordinator', 'editor'];
const anyWriter: readonly Role[] = ['administrator', 'coordinator', 'editor', 'otherEditor'];
const administrators: readonly Role[] = ['administrator'];

/** A route checked for every role, against fresh records. */
interface Case {
  route: string;
  allowed: readonly Role[];
  /** The request, against records made for it that belong to (or name) the organisation `own`. */
  request(own: string): Promise<InjectOptions>;
  /** The request deletes `own`: each role gets an organisation of its own for it. */
  consumesOrganisation?: boolean;
}

/**
 * A route whose rules another module owns and this file does not model in full (accounts, users,
 * notifications: rules about one's own account rather than an organisation's records). It checks the
 * two callers every such rule agrees on: an anonymous visitor and a signed-in editor of an unrelated
 * organisation, each either let through the access policy or refused by it.
 */
interface AccountCase {
  route: string;
  anonymous: 'passes' | 'refused';
  otherEditor: 'passes' | 'refused';
  request(): InjectOptions;
}

let t: TestApp;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

const stranger = () => makeOrganisation(t.app);
const network = () => makeOrganisation(t.app, { kind: 'network', country: null });

async function versionOf(url: string): Promise<number> {
  const response = await t.app.inject({ url });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { version: number }).version;
}

const cases: Case[] = [
  {
    route: 'POST /api/organisations',
    allowed: ['administrator', 'coordinator'],
    request: async () => ({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        kind: 'city',
        country: 'HR',
        names: [{ name: `Matrix city ${unique()}`, language: 'en', kind: 'official' }],
      },
    }),
  },
  {
    route: 'PATCH /api/organisations/:id',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'PATCH',
      url: `/api/organisations/${own}`,
      payload: {
        version: await versionOf(`/api/organisations/${own}`),
        website: `https://example.org/${unique()}`,
      },
    }),
  },
  {
    route: 'DELETE /api/organisations/:id',
    allowed: administrators,
    consumesOrganisation: true,
    request: async (own) => ({ method: 'DELETE', url: `/api/organisations/${own}` }),
  },

  {
    route: 'POST /api/memberships',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/memberships',
      payload: { memberId: own, organisationId: (await network()).id },
    }),
  },
  {
    route: 'PATCH /api/memberships/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const membership = await makeMembership(t.app, own, (await network()).id);
      return {
        method: 'PATCH',
        url: `/api/memberships/${membership.id}`,
        payload: { version: membership.version, role: 'observer' },
      };
    },
  },
  {
    route: 'DELETE /api/memberships/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const membership = await makeMembership(t.app, own, (await network()).id);
      return { method: 'DELETE', url: `/api/memberships/${membership.id}` };
    },
  },
  {
    route: 'POST /api/memberships/:id/confirm',
    allowed: writersOfOwn,
    request: async (own) => {
      const membership = await makeMembership(t.app, own, (await network()).id);
      return {
        method: 'POST',
        url: `/api/memberships/${membership.id}/confirm`,
        payload: { version: membership.version },
      };
    },
  },
  {
    route: 'POST /api/memberships/:id/dispute',
    allowed: writersOfOwn,
    request: async (own) => {
      const membership = await makeMembership(t.app, own, (await network()).id);
      return {
        method: 'POST',
        url: `/api/memberships/${membership.id}/dispute`,
        payload: { version: membership.version, reason: 'We left in 2019.' },
      };
    },
  },

  {
    route: 'POST /api/partnerships',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/partnerships',
      payload: {
        organisationAId: own,
        organisationBId: (await stranger()).id,
        type: 'twinning',
        status: 'active',
      },
    }),
  },
  {
    route: 'PATCH /api/partnerships/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const partnership = await makePartnership(t.app, own, (await stranger()).id);
      return {
        method: 'PATCH',
        url: `/api/partnerships/${partnership.id}`,
        payload: { version: partnership.version, status: 'dormant' },
      };
    },
  },
  {
    route: 'DELETE /api/partnerships/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const partnership = await makePartnership(t.app, (await stranger()).id, own);
      return { method: 'DELETE', url: `/api/partnerships/${partnership.id}` };
    },
  },
  {
    route: 'POST /api/partnerships/:id/confirm',
    allowed: writersOfOwn,
    request: async (own) => {
      const partnership = await makePartnership(t.app, own, (await stranger()).id);
      return {
        method: 'POST',
        url: `/api/partnerships/${partnership.id}/confirm`,
        payload: { version: partnership.version },
      };
    },
  },
  {
    route: 'POST /api/partnerships/:id/dispute',
    allowed: writersOfOwn,
    request: async (own) => {
      const partnership = await makePartnership(t.app, own, (await stranger()).id);
      return {
        method: 'POST',
        url: `/api/partnerships/${partnership.id}/dispute`,
        payload: { version: partnership.version, reason: 'Never signed.' },
      };
    },
  },

  {
    route: 'POST /api/projects',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/projects',
      payload: {
        title: { en: `Matrix project ${unique()}` },
        programme: 'URBACT IV',
        status: 'planned',
        partners: [{ organisationId: own, role: 'lead' }],
      },
    }),
  },
  {
    route: 'PATCH /api/projects/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const project = await makeProject(t.app, { partners: [{ organisationId: own, role: 'lead' }] });
      return {
        method: 'PATCH',
        url: `/api/projects/${project.id}`,
        payload: { version: project.version, acronym: 'MTX' },
      };
    },
  },
  {
    route: 'DELETE /api/projects/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const project = await makeProject(t.app, { partners: [{ organisationId: own, role: 'lead' }] });
      return { method: 'DELETE', url: `/api/projects/${project.id}` };
    },
  },
  {
    route: 'POST /api/projects/:id/partners',
    allowed: writersOfOwn,
    request: async (own) => {
      const lead = await stranger();
      const project = await makeProject(t.app, { partners: [{ organisationId: lead.id, role: 'lead' }] });
      return {
        method: 'POST',
        url: `/api/projects/${project.id}/partners`,
        payload: { organisationId: own, role: 'partner', version: project.version },
      };
    },
  },
  ...(['DELETE', 'confirm', 'dispute'] as const).map((action): Case => ({
    route:
      action === 'DELETE'
        ? 'DELETE /api/projects/:id/partners/:organisationId'
        : `POST /api/projects/:id/partners/:organisationId/${action}`,
    allowed: writersOfOwn,
    request: async (own) => {
      const lead = await stranger();
      const project = await makeProject(t.app, {
        partners: [
          { organisationId: lead.id, role: 'lead' },
          { organisationId: own, role: 'partner' },
        ],
      });
      const url = `/api/projects/${project.id}/partners/${own}`;
      if (action === 'DELETE') return { method: 'DELETE', url };
      return {
        method: 'POST',
        url: `${url}/${action}`,
        payload: {
          version: project.version,
          ...(action === 'dispute' ? { reason: 'Not a partner.' } : {}),
        },
      };
    },
  })),

  {
    route: 'POST /api/activities',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/activities',
      payload: {
        type: 'study_visit',
        title: { en: `Matrix visit ${unique()}` },
        participants: [{ organisationId: own, role: 'host' }],
      },
    }),
  },
  {
    route: 'PATCH /api/activities/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const activity = await makeActivity(t.app, {
        participants: [{ organisationId: own, role: 'organiser' }],
      });
      return {
        method: 'PATCH',
        url: `/api/activities/${activity.id}`,
        payload: { version: activity.version, placeName: 'Sofia' },
      };
    },
  },
  {
    route: 'DELETE /api/activities/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const activity = await makeActivity(t.app, { participants: [{ organisationId: own, role: 'host' }] });
      return { method: 'DELETE', url: `/api/activities/${activity.id}` };
    },
  },

  {
    route: 'POST /api/programmes',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/programmes',
      payload: { organisationId: own, year: 1900 + (counter += 1), title: { en: 'Programme' } },
    }),
  },
  {
    route: 'PATCH /api/programmes/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const programme = await makeProgramme(t.app, own, { year: 1900 + (counter += 1) });
      return {
        method: 'PATCH',
        url: `/api/programmes/${programme.id}`,
        payload: { version: programme.version, title: { en: 'Programme, amended' } },
      };
    },
  },
  {
    route: 'DELETE /api/programmes/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const programme = await makeProgramme(t.app, own, { year: 1900 + (counter += 1) });
      return { method: 'DELETE', url: `/api/programmes/${programme.id}` };
    },
  },

  {
    route: 'POST /api/admin/backup',
    allowed: administrators,
    request: async () => ({ method: 'POST', url: '/api/admin/backup' }),
  },
  {
    route: 'POST /api/themes',
    allowed: administrators,
    request: async () => ({
      method: 'POST',
      url: '/api/themes',
      payload: { code: `matrix-${unique()}`, taxonomy: 'custom', labels: { en: 'Matrix' } },
    }),
  },
  {
    route: 'PATCH /api/themes/:id',
    allowed: administrators,
    request: async () => {
      const theme = await makeTheme(t.app);
      return {
        method: 'PATCH',
        url: `/api/themes/${theme.id}`,
        payload: { version: theme.version, labels: { en: 'Renamed' } },
      };
    },
  },
  {
    route: 'DELETE /api/themes/:id',
    allowed: administrators,
    request: async () => ({ method: 'DELETE', url: `/api/themes/${(await makeTheme(t.app)).id}` }),
  },

  {
    route: 'POST /api/sources',
    allowed: anyWriter,
    request: async () => ({
      method: 'POST',
      url: '/api/sources',
      payload: { kind: 'web_page', title: `Matrix source ${unique()}` },
    }),
  },
  {
    route: 'PATCH /api/sources/:id',
    allowed: administrators,
    request: async () => {
      const source = await makeSource(t.app);
      return {
        method: 'PATCH',
        url: `/api/sources/${source.id}`,
        payload: { version: source.version, title: 'Renamed source' },
      };
    },
  },
  {
    route: 'DELETE /api/sources/:id',
    allowed: administrators,
    request: async () => ({ method: 'DELETE', url: `/api/sources/${(await makeSource(t.app)).id}` }),
  },

  {
    route: 'POST /api/places/:geonamesId/organisation',
    allowed: anyWriter,
    request: async () => ({
      method: 'POST',
      url: `/api/places/${fixturePlaces[0]!.geonamesId}/organisation`,
    }),
  },

  {
    route: 'POST /api/organisations/:id/contacts',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: `/api/organisations/${own}/contacts`,
      payload: { name: 'Ana Horvat', email: 'ana@example.org' },
    }),
  },
  ...(['PATCH', 'DELETE', 'erase'] as const).map((action): Case => ({
    route: action === 'erase' ? 'POST /api/contacts/:id/erase' : `${action} /api/contacts/:id`,
    allowed: writersOfOwn,
    request: async (own) => {
      const created = await t.app.inject({
        method: 'POST',
        url: `/api/organisations/${own}/contacts`,
        payload: { name: 'Marko Marić' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const contact = created.json() as { id: string; version: number };
      if (action === 'PATCH') {
        return {
          method: 'PATCH',
          url: `/api/contacts/${contact.id}`,
          payload: { version: contact.version, phone: '+385 1 000 000' },
        };
      }
      if (action === 'DELETE') return { method: 'DELETE', url: `/api/contacts/${contact.id}` };
      return { method: 'POST', url: `/api/contacts/${contact.id}/erase` };
    },
  })),

  {
    route: 'POST /api/initiatives',
    allowed: writersOfOwn,
    request: async (own) => ({
      method: 'POST',
      url: '/api/initiatives',
      payload: { ownerOrganisationId: own, title: { en: `Matrix initiative ${unique()}` }, status: 'open' },
    }),
  },
  {
    route: 'PATCH /api/initiatives/:id',
    allowed: writersOfOwn,
    request: async (own) => {
      const initiative = await makeInitiative(t.app, own);
      return {
        method: 'PATCH',
        url: `/api/initiatives/${initiative.id}`,
        payload: { version: initiative.version, title: { en: 'Renamed initiative' } },
      };
    },
  },
  {
    route: 'POST /api/initiatives/:id/transitions',
    allowed: writersOfOwn,
    request: async (own) => {
      const initiative = await makeInitiative(t.app, own);
      return {
        method: 'POST',
        url: `/api/initiatives/${initiative.id}/transitions`,
        payload: { version: initiative.version, to: 'shortlisting' },
      };
    },
  },
  {
    route: 'POST /api/initiatives/:id/interests',
    allowed: writersOfOwn,
    request: async (own) => {
      const initiative = await makeInitiative(t.app, (await stranger()).id);
      return {
        method: 'POST',
        url: `/api/initiatives/${initiative.id}/interests`,
        payload: { organisationId: own, message: 'We would like to join.' },
      };
    },
  },
  ...(['accept', 'decline'] as const).map((action): Case => ({
    route: `POST /api/interests/:id/${action}`,
    allowed: writersOfOwn,
    request: async (own) => {
      const initiative = await makeInitiative(t.app, own);
      const interest = await expressInterest(t.app, initiative.id, (await stranger()).id);
      return {
        method: 'POST',
        url: `/api/interests/${interest.id}/${action}`,
        payload: { version: interest.version },
      };
    },
  })),
  {
    route: 'POST /api/interests/:id/withdraw',
    allowed: writersOfOwn,
    request: async (own) => {
      const initiative = await makeInitiative(t.app, (await stranger()).id);
      const interest = await expressInterest(t.app, initiative.id, own);
      return {
        method: 'POST',
        url: `/api/interests/${interest.id}/withdraw`,
        payload: { version: interest.version },
      };
    },
  },
];

const someId = '01890000-0000-7000-8000-000000000000';
const password = 'correct horse battery staple';
const token = 'a'.repeat(32);

const accountCases: AccountCase[] = [
  {
    route: 'POST /api/session',
    anonymous: 'passes',
    otherEditor: 'passes',
    request: () => ({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@example.org', password },
    }),
  },
  {
    route: 'DELETE /api/session',
    anonymous: 'passes',
    otherEditor: 'passes',
    request: () => ({ method: 'DELETE', url: '/api/session' }),
  },
  {
    route: 'POST /api/password-reset',
    anonymous: 'passes',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: '/api/password-reset', payload: { email: 'nobody@example.org' } }),
  },
  {
    route: 'POST /api/password-reset/complete',
    anonymous: 'passes',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: '/api/password-reset/complete', payload: { token, password } }),
  },
  {
    route: 'POST /api/invitations/accept',
    anonymous: 'passes',
    otherEditor: 'passes',
    request: () => ({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, password, displayName: 'Nobody' },
    }),
  },
  {
    route: 'PUT /api/account/language',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'PUT', url: '/api/account/language', payload: { language: 'mk' } }),
  },
  {
    route: 'POST /api/account/password',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: password, newPassword: `${password} again` },
    }),
  },
  {
    route: 'POST /api/account/two-factor',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: '/api/account/two-factor' }),
  },
  {
    route: 'POST /api/account/two-factor/confirm',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: '/api/account/two-factor/confirm', payload: { code: '123456' } }),
  },
  {
    route: 'DELETE /api/account/two-factor',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'DELETE', url: '/api/account/two-factor', payload: { code: '123456' } }),
  },
  {
    route: 'POST /api/invitations',
    anonymous: 'refused',
    otherEditor: 'refused',
    // An invitation to a role for an organisation the editor has no role for.
    request: () => ({
      method: 'POST',
      url: '/api/invitations',
      payload: { email: 'new@example.org', grants: [{ organisationId: someId, role: 'editor' }] },
    }),
  },
  {
    route: 'PATCH /api/users/:id',
    anonymous: 'refused',
    otherEditor: 'refused',
    request: () => ({ method: 'PATCH', url: `/api/users/${someId}`, payload: { version: 1, admin: true } }),
  },
  {
    route: 'PUT /api/users/:id/roles',
    anonymous: 'refused',
    otherEditor: 'refused',
    request: () => ({
      method: 'PUT',
      url: `/api/users/${someId}/roles`,
      payload: { version: 1, grants: [] },
    }),
  },
  {
    route: 'PATCH /api/settings/security',
    anonymous: 'refused',
    otherEditor: 'refused',
    request: () => ({
      method: 'PATCH',
      url: '/api/settings/security',
      payload: { requireTwoFactor: false },
    }),
  },
  {
    route: 'POST /api/notifications/:id/read',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: `/api/notifications/${someId}/read` }),
  },
  {
    route: 'POST /api/notifications/read',
    anonymous: 'refused',
    otherEditor: 'passes',
    request: () => ({ method: 'POST', url: '/api/notifications/read' }),
  },
];

/** Codes of the access layer's refusals: anything else means the request got past the policy. */
const refusals = new Set(['auth.required', 'access.denied', 'access.no_policy']);
const codeOf = (response: LightMyRequestResponse) => {
  try {
    return (response.json() as { code?: string }).code;
  } catch {
    return undefined;
  }
};

function expectRefused(role: Role, response: LightMyRequestResponse) {
  if (role === 'anonymous') {
    expect([response.statusCode, codeOf(response)], response.body).toEqual([401, 'auth.required']);
  } else {
    expect([response.statusCode, codeOf(response)], response.body).toEqual([403, 'access.denied']);
  }
}

/** The callers of each role for one organisation (the record's organisation). */
async function callersFor(own: string): Promise<Record<Role, Client>> {
  const association = await makeOrganisation(t.app, { kind: 'association' });
  await makeMembership(t.app, own, association.id, { confirmation: 'confirmed' });
  const other = await makeOrganisation(t.app);
  return {
    administrator: t.app,
    coordinator: await t.signIn({ grants: [{ organisationId: association.id, role: 'coordinator' }] }),
    editor: await t.signIn({ grants: [{ organisationId: own, role: 'editor' }] }),
    otherEditor: await t.signIn({ grants: [{ organisationId: other.id, role: 'editor' }] }),
    viewer: await t.signIn({ grants: [{ organisationId: own, role: 'viewer' }] }),
    anonymous: t.anonymous,
  };
}

let own: string;
let callers: Record<Role, Client>;
beforeAll(async () => {
  t = await createTestApp();
  await writeFixtures(t.database, (db) => insertFixturePlaces(db));
  own = (await makeOrganisation(t.app)).id;
  callers = await callersFor(own);
});
afterAll(async () => {
  await t?.close();
});

describe('the permission matrix', () => {
  it('lists every write route of the server, and only those', () => {
    const served = routeTable(t.server)
      .filter((route) => writeMethods.has(route.method))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    const listed = [...cases, ...accountCases].map((row) => row.route).sort();
    expect(listed).toEqual([...new Set(listed)]);
    expect(listed).toEqual(served);
  });

  it('gives every write route a policy of its own', () => {
    const unguarded = routeTable(t.server).filter(
      (route) => writeMethods.has(route.method) && route.policy === undefined,
    );
    expect(unguarded).toEqual([]);
  });

  describe.each(cases)('$route', (row) => {
    it.each(roles.map((role) => ({ role, allowed: row.allowed.includes(role) })))(
      'is $allowed for $role',
      async ({ role, allowed }) => {
        let organisation = own;
        let caller = callers[role];
        if (row.consumesOrganisation) {
          organisation = (await makeOrganisation(t.app)).id;
          caller = (await callersFor(organisation))[role];
        }
        const response = await caller.inject(await row.request(organisation));
        if (allowed) {
          expect(response.statusCode, `${roleNames[role]}: ${response.body}`).toBeLessThan(300);
        } else {
          expectRefused(role, response);
        }
      },
    );
  });

  describe.each(accountCases)('$route', (row) => {
    it.each(['anonymous', 'otherEditor'] as const)('checks %s', async (role) => {
      const caller =
        role === 'anonymous'
          ? t.anonymous
          : await t.signIn({ grants: [{ organisationId: (await stranger()).id, role: 'editor' }] });
      const response = await caller.inject(row.request());
      if (row[role] === 'refused') expectRefused(role, response);
      else expect(refusals.has(codeOf(response) ?? ''), response.body).toBe(false);
    });
  });
});
