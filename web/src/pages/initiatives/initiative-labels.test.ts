import { describe, expect, it } from 'vitest';
import * as domain from '../../../../src/domain/initiative';
import { fundingProgrammeCodes as domainProgrammes } from '../../../../src/domain/funding-programmes';
import english from '../../i18n/messages/en.json';
import { fundingProgrammeCodes, initiativeStatuses, initiativeVisibilities } from './initiative-labels';

const messages: Record<string, string> = english;

describe('initiative labels', () => {
  it('know the statuses, visibilities and programmes of the server', () => {
    expect(initiativeStatuses).toEqual(domain.initiativeStatuses);
    expect(initiativeVisibilities).toEqual(domain.initiativeVisibilities);
    expect([...fundingProgrammeCodes].sort()).toEqual([...domainProgrammes].sort());
  });

  it('name every status, every move the machine allows and every visibility', () => {
    const targets = new Set(Object.values(domain.initiativeTransitions).flat());
    for (const status of initiativeStatuses) expect(messages).toHaveProperty([`initiative.status.${status}`]);
    for (const status of targets) expect(messages).toHaveProperty([`initiative.move.${status}`]);
    for (const visibility of initiativeVisibilities) {
      expect(messages).toHaveProperty([`initiative.visibility.${visibility}`]);
      expect(messages).toHaveProperty([`initiative.visibility.${visibility}.hint`]);
    }
  });
});
