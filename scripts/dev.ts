// Runs the CLI from source without building: `npx tsx scripts/dev.ts <command> …`.
import { run } from '../src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
