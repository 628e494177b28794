/**
 * `marginfall <command>`: the command-line entry. Each command returns an exit code; errors the
 * user can act on are printed as one line on stderr, never as a stack trace.
 */

import { CliUsageError, formatCliError } from './cli-errors.js';
import { runCalcCommand } from './commands/calc.js';

const USAGE = `Usage: marginfall <command> [options]

Commands:
  calc   --book F --market F --params F --scenarios F [--out F|-] [--summary] [--quiet]
         Run the margin-contagion calculation on files and write result.json.

Run 'marginfall <command> --help' for a command's options.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  calc: runCalcCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`marginfall: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    process.stderr.write(`marginfall ${name}: ${formatCliError(error)}\n`);
    if (error instanceof CliUsageError) process.stderr.write(`Run 'marginfall ${name} --help' for usage.\n`);
    return error instanceof CliUsageError ? 2 : 1;
  }
}
