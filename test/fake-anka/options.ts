// A small option parser in the CLI's style: flags, options with a value, positionals.
import { CliFailure, EXIT } from './output';

export interface OptionSpec {
  /** Option spellings (`-t`, `--tag`) to the name they set. */
  values?: Record<string, string>;
  flags?: Record<string, string>;
  /** Stop at the first positional and leave the rest (for a subcommand). */
  stopAtPositional?: boolean;
}

export interface Parsed {
  values: Map<string, string>;
  flags: Set<string>;
  positionals: string[];
  /** What followed the first positional when stopAtPositional is set. */
  rest: string[];
}

export function parseOptions(args: readonly string[], spec: OptionSpec): Parsed {
  const parsed: Parsed = { values: new Map(), flags: new Set(), positionals: [], rest: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    const valueName = spec.values?.[arg];
    const flagName = spec.flags?.[arg];
    if (valueName !== undefined) {
      const value = args[++index];
      if (value === undefined) {
        throw new CliFailure(`option ${arg} needs a value`, EXIT.error, 'UsageException');
      }
      parsed.values.set(valueName, value);
    } else if (flagName !== undefined) {
      parsed.flags.add(flagName);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new CliFailure(`unknown option ${arg}`, EXIT.error, 'UsageException');
    } else if (spec.stopAtPositional) {
      parsed.positionals.push(arg);
      parsed.rest = args.slice(index + 1);
      return parsed;
    } else {
      parsed.positionals.push(arg);
    }
  }
  return parsed;
}
