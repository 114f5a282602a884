/**
 * "My drills": the drills this browser created, with their manage links, kept in localStorage on the
 * instructor's device only. The manage token stays inside the link's URL fragment (`#key=…`), which the
 * browser never sends to a server; nothing here is sent anywhere.
 */
export const MY_DRILLS_KEY = 'stt-my-drills';

export interface MyDrill {
  code: string;
  title: string;
  manageUrl: string;
  createdAt: string;
}

function isMyDrill(x: unknown): x is MyDrill {
  const d = x as Partial<MyDrill> | null;
  return !!d && typeof d.code === 'string' && typeof d.title === 'string' && typeof d.manageUrl === 'string' && typeof d.createdAt === 'string';
}

/** The stored list, newest first; anything unreadable is ignored. */
export function loadMyDrills(storage: Storage = localStorage): MyDrill[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(MY_DRILLS_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isMyDrill) : [];
  } catch {
    return [];
  }
}

/** Adds (or replaces, by code) a drill at the top of the list. False when storage is unavailable or full. */
export function rememberMyDrill(drill: MyDrill, storage: Storage = localStorage): boolean {
  try {
    const rest = loadMyDrills(storage).filter((d) => d.code !== drill.code);
    storage.setItem(MY_DRILLS_KEY, JSON.stringify([drill, ...rest]));
    return true;
  } catch {
    return false;
  }
}

export function forgetMyDrill(code: string, storage: Storage = localStorage): void {
  try {
    storage.setItem(MY_DRILLS_KEY, JSON.stringify(loadMyDrills(storage).filter((d) => d.code !== code)));
  } catch {
    /* nothing stored, nothing to forget */
  }
}
