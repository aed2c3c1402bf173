import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Executor } from '../db/types.js';
import { isoNow, today } from '../shared/clock.js';
import type { Actor } from '../modules/audit/audit.store.js';
import type { CommandContext } from '../modules/orgs/orgs.commands.js';

export function actorOf(request: FastifyRequest): Actor {
  return request.user ? { userId: request.user.id, name: request.user.username } : { userId: null, name: 'anonymous' };
}

/** runs `fn` in one transaction with who/when filled in: all of a request's writes land together or not at all */
export async function inTransaction<T>(request: FastifyRequest, fn: (ctx: CommandContext & { db: Transaction<Database> }) => Promise<T>, options: { writer?: boolean } = {}): Promise<T> {
  const { handle, clock } = request.server.ctx;
  // writer: the connections kept for short write transactions (PostgreSQL), so they do not queue behind reads
  const db = (options.writer && handle.writerDb) || handle.db;
  return db.transaction().execute((trx) => fn({ db: trx, actor: actorOf(request), now: isoNow(clock), today: today(clock) }));
}

export function readContext(request: FastifyRequest): { db: Executor; today: string; now: string } {
  const { handle, clock } = request.server.ctx;
  return { db: handle.db, today: today(clock), now: isoNow(clock) };
}
