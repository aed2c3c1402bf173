import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** a connection or an open transaction: stores accept either */
export type Executor = Kysely<Database> | Transaction<Database>;
