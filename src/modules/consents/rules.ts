import {
  TPO_PURPOSES,
  TPO_RECIPIENT_CLASSES,
  type BlockReason,
  type ConsentState,
  type DisclosurePurpose,
  type InformationKind,
  type RecipientClass,
} from './codes.ts';
import type { ConsentRow } from './tables.ts';

/** How many days before its expiration date a consent shows as expiring. */
export const EXPIRING_WITHIN_DAYS = 30;

type StateFields = Pick<ConsentRow, 'signatureMethod' | 'endReason' | 'endedOn' | 'expirationKind' | 'expiresOn'>;

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A consent's state on `today` (the organization's calendar day). A consent is good through its
 * expiration date; a revocation takes effect on the day it is dated.
 */
export function consentState(consent: StateFields, today: string): ConsentState {
  if (consent.signatureMethod === 'refused') return 'refused';
  if (consent.endedOn !== null && consent.endedOn <= today) return consent.endReason === 'revoked' ? 'revoked' : 'ended';
  if (consent.expirationKind === 'date' && consent.expiresOn !== null) {
    if (consent.expiresOn < today) return 'expired';
    if (consent.expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS)) return 'expiring';
  }
  return 'active';
}

const coversNow = (state: ConsentState) => state === 'active' || state === 'expiring';

export interface DisclosureRequest {
  recipientName: string;
  recipientClass: RecipientClass;
  informationKinds: readonly InformationKind[];
  purpose: DisclosurePurpose;
}

export type CheckOutcome = { allowed: true; consent: ConsentRow } | { allowed: false; reason: BlockReason; consent: ConsentRow | null };

/** Names compare without case, accents, punctuation or extra spaces: "St. Mary's" is "st marys". */
export const sameName = (a: string, b: string) => normalName(a) === normalName(b);
export function normalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether a consent names this recipient: by name, or — for the single TPO consent's general
 * designation ("my treating providers, health plans, third-party payers and people helping to
 * operate this program", § 2.31(a)(4)(i)) — by the recipient's class.
 */
function namesRecipient(consent: ConsentRow, request: DisclosureRequest): boolean {
  if (sameName(consent.recipientName, request.recipientName)) return true;
  return (
    consent.kind === 'tpo' &&
    consent.recipientKind === 'general-designation' &&
    (TPO_RECIPIENT_CLASSES as readonly string[]).includes(request.recipientClass)
  );
}

const coversPurpose = (consent: ConsentRow, purpose: DisclosurePurpose) =>
  (consent.purposes as readonly string[]).includes(purpose) &&
  (consent.kind !== 'tpo' || (TPO_PURPOSES as readonly string[]).includes(purpose));

const coversInformation = (consent: ConsentRow, kinds: readonly InformationKind[]) =>
  kinds.every((kind) => consent.informationKinds.includes(kind));

/**
 * The one rule: which consent, if any, lets this information go to this recipient for this
 * purpose today. Counseling notes go only under a counseling-notes consent, which covers nothing
 * else (§ 2.31(b)): a request mixing them with other information is refused, to be sent as two.
 * Newest signature wins when several cover; when none does, the reason names the nearest miss.
 */
export function decide(consents: readonly ConsentRow[], request: DisclosureRequest, today: string): CheckOutcome {
  const newestFirst = [...consents].sort((a, b) =>
    a.signedOn === b.signedOn ? b.createdAt.getTime() - a.createdAt.getTime() : a.signedOn < b.signedOn ? 1 : -1,
  );
  const forRecipient = newestFirst.filter((consent) => namesRecipient(consent, request));
  const full = forRecipient.filter(
    (consent) => coversPurpose(consent, request.purpose) && coversInformation(consent, request.informationKinds),
  );
  const covering = full.find((consent) => coversNow(consentState(consent, today)));
  if (covering) return { allowed: true, consent: covering };

  const wantsNotes = request.informationKinds.includes('counseling-notes');
  const nearest = full[0];
  if (nearest) {
    const state = consentState(nearest, today);
    const reason: BlockReason =
      state === 'revoked'
        ? 'consent-revoked'
        : state === 'expired'
          ? 'consent-expired'
          : state === 'refused'
            ? 'consent-refused'
            : 'consent-ended';
    return { allowed: false, reason, consent: nearest };
  }
  const live = forRecipient.filter((consent) => coversNow(consentState(consent, today)));
  if (wantsNotes) return { allowed: false, reason: 'counseling-notes-need-own-consent', consent: null };
  const rightPurpose = live.find((consent) => coversPurpose(consent, request.purpose));
  if (rightPurpose) return { allowed: false, reason: 'information-not-covered', consent: rightPurpose };
  if (live[0]) return { allowed: false, reason: 'purpose-not-covered', consent: live[0] };
  return { allowed: false, reason: 'no-consent', consent: null };
}
