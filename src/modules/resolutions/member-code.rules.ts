// The code on a member's study card: "DH1-M.<memberId>.<mac>", where mac is HMAC-SHA256 of the member id under
// the server's card key, cut to 96 bits, base64url. The id alone is guessable; without the key nobody can make
// a code that verifies, so a scanned code proves a card printed by this server. Pure (the key is passed in).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MEMBER_CODE_PREFIX = 'DH1-M';
const MAC_BYTES = 12;

function mac(memberId: number, key: Buffer): Buffer {
  return createHmac('sha256', key).update(`member:${memberId}`).digest().subarray(0, MAC_BYTES);
}

export function memberCode(memberId: number, key: Buffer): string {
  return `${MEMBER_CODE_PREFIX}.${memberId}.${mac(memberId, key).toString('base64url')}`;
}

export type MemberCodeReading = { ok: true; memberId: number } | { ok: false; reason: 'malformed' | 'forged' };

const SHAPE = /^DH1-M\.([1-9]\d{0,14})\.([A-Za-z0-9_-]{16})$/;

/** reads a scanned text: malformed when it is not a member card code at all, forged when its mac does not verify */
export function readMemberCode(text: string, key: Buffer): MemberCodeReading {
  const m = SHAPE.exec(text.trim());
  if (!m) return { ok: false, reason: 'malformed' };
  const memberId = Number(m[1]);
  if (!Number.isSafeInteger(memberId)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(m[2], 'base64url');
  // a 16-character base64url string decodes to 12 bytes; canonical form is checked by re-encoding
  if (given.length !== MAC_BYTES || given.toString('base64url') !== m[2]) return { ok: false, reason: 'malformed' };
  return timingSafeEqual(given, mac(memberId, key)) ? { ok: true, memberId } : { ok: false, reason: 'forged' };
}
