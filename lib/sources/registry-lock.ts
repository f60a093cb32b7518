/**
 * The name of a team's source registry lock (lib/config/row-locks.ts `lockKey`): held by whoever
 * looks for a duplicate before adding or renaming a source, or merges sources, so two editors
 * typing one new name at once add it once.
 */
export function registryKey(teamId: string): string {
  return `source-registry:${teamId}`;
}
