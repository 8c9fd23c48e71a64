import { fundingProgrammes, isFundingProgrammeCode } from '../../domain/funding-programmes.js';

/**
 * The programme's name as projects record it, without the period: `URBACT IV` for `urbact_iv`, like the
 * registry's other URBACT IV projects. Undefined for no programme.
 */
export function fundingProgrammeLabel(code: string | null | undefined): string | undefined {
  if (!code || !isFundingProgrammeCode(code)) return undefined;
  return fundingProgrammes[code].name.replace(/\s*\([^)]*\)$/, '');
}
