import { createHash } from 'node:crypto';
import { CallFacts } from './call-facts';
import { stableJson } from '../stable-json';

/** sha256 of the facts' stable JSON: equal hashes mean a re-derivation changed nothing. */
export function factsHash(facts: CallFacts): string {
  return createHash('sha256').update(stableJson(facts)).digest('hex');
}
