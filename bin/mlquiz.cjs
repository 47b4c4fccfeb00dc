#!/usr/bin/env node
// CommonJS, as the bundles are: see scripts/build.mjs.
require('../dist/cli.cjs').cli();
