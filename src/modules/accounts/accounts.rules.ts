import crypto from 'node:crypto';

export const ROLES = ['admin', 'office', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['org.read', 'org.manage', 'member.read', 'member.manage', 'audit.read', 'user.manage'] as const;
export type Action = (typeof ACTIONS)[number];

/** what each role may do on the subtree it is granted on */
export const roleActions: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  office: ['org.read', 'org.manage', 'member.read', 'member.manage'],
  viewer: ['org.read', 'member.read'],
};

/** a role granted on an organisation (its materialized path) or on the whole system (null) */
export interface Grant {
  role: Role;
  orgId: number | null;
  orgPath: string | null;
}

/** a grant on an organisation covers its whole subtree; a grant with no organisation covers everything */
export function grantCovers(grant: Grant, targetPath: string | null): boolean {
  if (grant.orgPath === null) return true;
  return targetPath !== null && targetPath.startsWith(grant.orgPath);
}

/** may a holder of these grants do `action` on the organisation at `targetPath` (null: a system-wide action) */
export function isAllowed(grants: readonly Grant[], action: Action, targetPath: string | null): boolean {
  return grants.some((g) => roleActions[g.role].includes(action) && grantCovers(g, targetPath));
}

/** the subtrees in which `action` is allowed: 'all', or the paths of their roots (none nested in another) */
export function allowedSubtrees(grants: readonly Grant[], action: Action): 'all' | string[] {
  const relevant = grants.filter((g) => roleActions[g.role].includes(action));
  if (relevant.some((g) => g.orgPath === null)) return 'all';
  const paths = [...new Set(relevant.map((g) => g.orgPath as string))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

// Passwords: scrypt with a per-user random salt, compared in constant time.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPassword(password: string, salt: Buffer = crypto.randomBytes(16)): string {
  const key = crypto.scryptSync(password.normalize('NFC'), salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  const actual = crypto.scryptSync(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** a password policy a clerk can meet and an attacker cannot guess quickly */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Mật khẩu phải có ít nhất 10 ký tự.';
  if (/^(.)\1+$/.test(password)) return 'Mật khẩu không được chỉ gồm một ký tự lặp lại.';
  return null;
}

/** a random password for the first admin: 16 characters from an unambiguous alphabet */
export function generatePassword(random: (n: number) => Buffer = crypto.randomBytes): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = random(16);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
