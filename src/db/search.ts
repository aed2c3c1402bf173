// Unaccented, word-prefix search over a folded name column, the same on SQLite and PostgreSQL.
import { sql, type Expression, type SqlBool } from 'kysely';
export { searchWords } from '../shared/vietnamese.js';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * the SQL twin of nameMatchesWords: one condition per word, "some word of the folded column starts with it"
 * ("huong" finds Hương, not Phương). The leading space makes a word start a plain substring, which the
 * trigram index of migration 0004 serves on PostgreSQL; the expression must stay exactly `(' ' || column)`.
 */
export function matchesEveryWord(column: string, words: readonly string[]): Expression<SqlBool>[] {
  return words.map((w) => sql<SqlBool>`(' ' || ${sql.ref(column)}) like ${`% ${escapeLike(w)}%`} escape '\\'`);
}
