#!/usr/bin/env node
// Entry point of the `marginfall` command (package.json "bin"). The sources are TypeScript;
// tsx compiles them on the fly (the Lambda functions are bundled ahead of time instead).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
