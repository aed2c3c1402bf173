import { isoNow, type Clock } from '../shared/clock.js';
import type { DatabaseHandle } from '../db/database.js';
import { generatePassword, hashPassword } from '../modules/accounts/accounts.rules.js';
import { countUsers, insertUser, replaceGrants } from '../modules/accounts/accounts.store.js';
import { recordAudit, systemActor } from '../modules/audit/audit.store.js';

/** on a database with no user, creates "admin" with the configured or a generated password; returns the password once */
export async function ensureFirstAdmin(handle: DatabaseHandle, clock: Clock, configured?: string): Promise<string | null> {
  return handle.db.transaction().execute(async (trx) => {
    if ((await countUsers(trx)) > 0) return null;
    const password = configured ?? generatePassword();
    const now = isoNow(clock);
    const id = await insertUser(trx, { username: 'admin', displayName: 'Quản trị hệ thống', passwordHash: hashPassword(password), createdAt: now });
    await replaceGrants(trx, id, [{ role: 'admin', orgId: null }]);
    await recordAudit(trx, systemActor, now, { action: 'user.create', entity: 'user', entityId: id, after: { username: 'admin', role: 'admin' } });
    return password;
  });
}
