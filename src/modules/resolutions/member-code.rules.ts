// The code on a member's study card: "DH1-M.<memberId>.<mac>", where mac is HMAC-SHA256 of the member id (and the
// card's generation, once the card has been reissued) under the server's card key, cut to 96 bits, base64url. The id
// alone is guessable; without the key nobody can make a code that verifies, so a scanned code proves a card printed
// by this server — and, by its generation, whether it is the member's current card. Pure (key and generation passed in).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_CODE_PREFIX = 'DH1-M';
const MAC_BYTES = 12;

/** generation 0 signs the member id alone: the cards printed before cards could be reissued stay valid */
function mac(memberId: number, key: Buffer, generation: number): Buffer {
  return createHmac('sha256', key)
    .update(generation === 0 ? `member:${memberId}` : `member:${memberId}:g${generation}`)
    .digest()
    .subarray(0, MAC_BYTES);
}

export function memberCode(memberId: number, key: Buffer, generation = 0): string {
  return `${MEMBER_CODE_PREFIX}.${memberId}.${mac(memberId, key, generation).toString('base64url')}`;
}

export type ParsedMemberCode = { ok: true; memberId: number; mac: Buffer } | { ok: false; reason: 'malformed' };
export type MemberCodeReading = { ok: true; memberId: number } | { ok: false; reason: 'malformed' | 'forged' | 'replaced' };

const SHAPE = /^DH1-M\.([1-9]\d{0,14})\.([A-Za-z0-9_-]{16})$/;

/** the member a scanned text names, before it is verified; malformed when it is not a member card code at all */
export function parseMemberCode(text: string): ParsedMemberCode {
  const m = SHAPE.exec(text.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const memberId = Number(m[1]);
  if (!Number.isSafeInteger(memberId)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(m[2], 'base64url');
  // a 16-character base64url string decodes to 12 bytes; canonical form is checked by re-encoding
  if (given.length !== MAC_BYTES || given.toString('base64url') !== m[2]) return { ok: false, reason: 'malformed' };
  return { ok: true, memberId, mac: given };
}

/**
 * verifies a parsed code against the member's current card generation: forged when its mac matches no card this
 * server printed for the member, replaced when it is one of the member's earlier cards (reissued since)
 */
export function verifyMemberCode(code: Extract<ParsedMemberCode, { ok: true }>, key: Buffer, generation: number): MemberCodeReading {
  if (timingSafeEqual(code.mac, mac(code.memberId, key, generation))) return { ok: true, memberId: code.memberId };
  for (let g = 0; g < generation; g++) if (timingSafeEqual(code.mac, mac(code.memberId, key, g))) return { ok: false, reason: 'replaced' };
  return { ok: false, reason: 'forged' };
}

/** parse and verify in one step, for a member whose card generation is known */
export function readMemberCode(text: string, key: Buffer, generation = 0): MemberCodeReading {
  const parsed = parseMemberCode(text);
  return parsed.ok ? verifyMemberCode(parsed, key, generation) : parsed;
}
