// Unaccented name search over a folded name column, the same answers on SQLite and PostgreSQL.
import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from './types.js';
export { searchWords } from '../shared/vietnamese.js';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * the SQL twin of nameMatchesWords: the words typed before the last are whole words of the name, the last
 * may be unfinished ("nguyen thi huo" finds Nguyễn Thị Hương; "huong" never finds Phương).
 * On PostgreSQL the whole words use the word-array index and the last word the word-start trigram index
 * of migration 0004 — the expressions must stay exactly as the indexes are defined.
 */
export function matchesEveryWord(db: Executor, column: string, words: readonly string[]): Expression<SqlBool>[] {
  if (!words.length) return [];
  const ref = sql.ref(column);
  const whole = words.slice(0, -1);
  const last = words[words.length - 1];
  const out: Expression<SqlBool>[] = [];
  if (whole.length && db.getExecutor().adapter instanceof PostgresAdapter) out.push(sql<SqlBool>`string_to_array(${ref}, ' ') @> cast(${[...whole]} as text[])`);
  else for (const w of whole) out.push(sql<SqlBool>`(' ' || ${ref} || ' ') like ${`% ${escapeLike(w)} %`} escape '\\'`);
  out.push(sql<SqlBool>`(' ' || ${ref}) like ${`% ${escapeLike(last)}%`} escape '\\'`);
  return out;
}
