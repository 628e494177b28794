#!/usr/bin/env node
// Entry point of the `marginfall` command (package.json "bin"). The sources are TypeScript;
// tsx compiles them on the fly (the Lambda functions are bundled ahead of time instead).
import { register } from 'tsx/esm/api';

// The checkout runs on Node 20 (toolchain) while the SDK advertises its Node 22 move on every
// client; the operator cannot act on that notice, so it is not printed for the CLI.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
