#!/usr/bin/env node
// trust-center: validate a trust center's manifest and build its static site. See --help.
import { main } from './lib/main.mjs';

process.exitCode = await main(process.argv.slice(2));
