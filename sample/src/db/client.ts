// SPDX-License-Identifier: MIT
export function query(sql: string): { created_at: string } {
  return { created_at: new Date(0).toISOString() + sql.slice(0, 0) };
}
