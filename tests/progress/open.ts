import { fsrsScheduling } from '../../src/engine/replay.js';
import { openStore, readOtherProgress, type StoreOptions } from '../../src/progress/store.js';

/** The store as the CLI opens it (FSRS with default parameters), with any option a test needs. */
export const testStore = (dir: string, opts: Partial<StoreOptions> = {}) => openStore(dir, { scheduling: fsrsScheduling, ...opts });

export const readOther = (path: string) => readOtherProgress(path, fsrsScheduling);
