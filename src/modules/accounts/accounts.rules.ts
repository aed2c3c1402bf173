import crypto from 'node:crypto';

export * from './accounts.roles.js';

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

/** a user name: 3 to 40 letters without accents, digits, dot, dash or underscore (the API's schema uses the same pattern) */
export const USERNAME_PATTERN = '^[a-zA-Z0-9._-]{3,40}$';
export function usernameProblem(username: string): string | null {
  return new RegExp(USERNAME_PATTERN).test(username) ? null : 'Tên đăng nhập gồm 3 đến 40 ký tự: chữ cái không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.';
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
