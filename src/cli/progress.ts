import { cardReplay } from '../engine/replay.js';
import { DEFAULT_DEVICE, openStore, type ProgressStore } from '../progress/store.js';
import { resolveDevice } from '../progress/device.js';
import { cacheDir, dataDir, localDays, type Context } from './context.js';

/**
 * The progress of the data folder in use, as this machine sees it: its own journal named
 * by the device id, the cards cached beside the banks' cache, damage read past said on
 * stderr as a warning.
 */
export function progressStore(ctx: Context, flag: string | undefined): ProgressStore {
  const dir = dataDir(ctx, flag);
  const device = resolveDevice(ctx.env.MLQUIZ_DEVICE, ctx.defaultConfigDir?.(), () => DEFAULT_DEVICE);
  const snapshotDir = cacheDir(ctx);
  return openStore(dir, {
    scheduling: cardReplay(localDays(ctx)),
    device,
    ...(snapshotDir && { snapshotDir }),
    now: ctx.now,
    warn: warnTo(ctx),
  });
}

/** Damage read past, said once per line on stderr. */
export const warnTo =
  (ctx: Context) =>
  (m: string): void => {
    ctx.stderr.write(`mlquiz: warning: ${m}\n`);
  };
