/**
 * Command-line options for the bench scripts: `--name value` pairs read from the script's arguments.
 * Every script in bench/ reads its options this way, so they share one reader.
 *
 * @example
 * const flag = flagReader(process.argv.slice(2));
 * const corpus = flag('--corpus') ?? '19k';
 */
export function flagReader(args: readonly string[]): (name: string) => string | undefined {
  return (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
}
