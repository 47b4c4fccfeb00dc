import { UTC } from '../../src/engine/days.js';
import { cardReplay } from '../../src/engine/replay.js';
import { readOtherProgress } from '../../src/progress/other.js';
import { openStore, type StoreOptions } from '../../src/progress/store.js';

/** Cards replayed as pure callers schedule them (UTC days, default parameters). */
export const testReplay = cardReplay(UTC);

/** The store as the CLI opens it, on UTC days, with any option a test needs. */
export const testStore = (dir: string, opts: Partial<StoreOptions> = {}) => openStore(dir, { scheduling: testReplay, ...opts });

export const readOther = (path: string) => readOtherProgress(path, testReplay);
