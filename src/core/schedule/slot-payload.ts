/**
 * What a claimed slot will post, stored in the claim so every retry posts the same thing,
 * and the items such pending slots have promised (no other digest may show them meanwhile).
 */
import type { Reply } from '../model.js';
import type { ItemMark, Store } from '../store/index.js';

export interface SlotPayload {
  reply: Reply;
  marks: ItemMark[];
  /** Earlier failed/missed slots this digest reports. */
  reportedSlots: string[];
  /** When it was built (ISO 8601): no earlier post of it can be older. Absent in payloads stored before. */
  preparedAt?: string;
}

/** Keys (`feedUrl id`) of items promised to slots of `scheduleId` still being posted, except `exceptSlot`. */
export async function pendingItemKeys(store: Store, scheduleId: string, exceptSlot?: string): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const slot of await store.listSlots(scheduleId, ['claimed', 'retry'])) {
    if (slot.slotTime === exceptSlot || !slot.payload) continue;
    for (const m of (JSON.parse(slot.payload) as SlotPayload).marks) {
      if (m.status === 'delivered') keys.add(`${m.ref.feedUrl} ${m.ref.itemId}`);
    }
  }
  return keys;
}
