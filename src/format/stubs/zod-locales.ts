// Stands in for zod's locales index in the bundle (see scripts/build.mjs): only English,
// which zod configures by default, so `z.locales` holds just `en`.
export { default as en } from 'zod/v4/locales/en.js';
