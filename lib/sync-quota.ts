/**
 * storage.sync refuses a write over its quotas, and a refused write must never pass silently.
 * The options page checks a value against them before it writes, so it can say what is too
 * large instead of failing half-way. Chrome counts an item as its key plus the JSON of its
 * value; bytes are counted here in UTF-8, which is never less than what Chrome counts.
 */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
export const SYNC_QUOTA_BYTES = 102_400;

const encoder = new TextEncoder();

export function syncItemBytes(key: string, value: unknown): number {
  return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
}

export type QuotaCheck =
  { ok: true; bytes: number; limit: number } | { ok: false; bytes: number; limit: number };

/** Whether one item fits the per-item quota (the total quota is far above our one item). */
export function checkSyncItem(key: string, value: unknown): QuotaCheck {
  const bytes = syncItemBytes(key, value);
  const limit = SYNC_QUOTA_BYTES_PER_ITEM;
  return bytes <= limit ? { ok: true, bytes, limit } : { ok: false, bytes, limit };
}
