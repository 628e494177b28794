/**
 * `marginfall <command>`: the command-line entry. Each command returns an exit code; errors the
 * user can act on are printed as one line on stderr, never as a stack trace. Usage goes to
 * stdout when asked for (`--help`), to stderr with a usage error.
 */

import { formatCliError, isUsageError } from './cli-errors.js';

const USAGE = `Usage: marginfall <command> [options]

Commands:
  calc   --book F --market F --params F --scenarios F [--out F|-] [--summary] [--quiet]
         Run the margin-contagion calculation on files and write result.json.
  seed   --clients N --seed S --asof D (--out DIR | --to-dynamodb)
         Draw a seeded synthetic book and market; write the files or load them into DynamoDB.
  load   --asof D --from DIR
         Load DIR/book.json and DIR/market.json into DynamoDB as the snapshot of date D.
  start  [--clients N] [--seed S] [--asof D] [--fresh] [--port P] [--no-serve]
         Run the daily pipeline on local servers (npm start), then serve the API locally.
  run    --asof D [--local | --aws]
         One on-demand report run for date D, locally or in the AWS deployment.
  backfill --from D1 --to D2 [--force] [--local | --aws]
         The daily report of every day from D1 to D2 that has none yet.

Run 'marginfall <command> --help' for a command's options.`;

/** Exit codes: 0 success (or help), 1 the run failed (input, file, calculation), 2 wrong command line. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

type Command = (args: string[]) => Promise<number>;

/** Commands are loaded on use: help and usage errors answer without loading the core or the AWS SDK. */
const COMMANDS: Record<string, Command> = {
  calc: async (args) => (await import('./commands/calc.js')).runCalcCommand(args),
  seed: async (args) => (await import('./commands/seed.js')).runSeedCommand(args),
  load: async (args) => (await import('./commands/load.js')).runLoadCommand(args),
  start: async (args) => (await import('./commands/start.js')).runStartCommand(args),
  run: async (args) => (await import('./commands/run.js')).runRunCommand(args),
  backfill: async (args) => (await import('./commands/backfill.js')).runBackfillCommand(args),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name) {
    process.stderr.write(`marginfall: missing command\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`marginfall: unknown command "${name}"\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command(args);
  } catch (error) {
    process.stderr.write(`marginfall ${name}: ${formatCliError(error)}\n`);
    if (!isUsageError(error)) return EXIT_FAILURE;
    process.stderr.write(`Run 'marginfall ${name} --help' for usage.\n`);
    return EXIT_USAGE;
  }
}
