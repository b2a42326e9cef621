/**
 * Which units a person heads, and which results groups fall inside a unit. Units are department
 * paths (総務部/人事課); results groups are the names the survey reports by, which may be a 部
 * (総務部) or a path below it when a survey reports finer units.
 */

/** Job levels that head a unit, and how many levels of their department path that unit spans. */
const HEADING_DEPTH: Readonly<Record<string, number>> = { director: 1, section_chief: 2 };

/** The unit a 部長 (its 部) or 課長 (its 課) heads, from their own department path; null for others. */
export function headedUnit(departmentPath: string, jobLevelCode: string): string | null {
  const depth = HEADING_DEPTH[jobLevelCode];
  if (depth === undefined) return null;
  const parts = departmentPath.split("/");
  if (parts.length < depth) return null;
  return parts.slice(0, depth).join("/");
}

/** True when `path` is `unit` or a unit below it. */
export function isWithinUnit(path: string, unit: string): boolean {
  return path === unit || path.startsWith(`${unit}/`);
}

/** True when any of the units is `unit` or above it: the person may see `unit`. */
export function mayViewUnit(headed: readonly string[], unit: string): boolean {
  return headed.some((own) => isWithinUnit(unit, own));
}

/**
 * How a results group relates to a unit: inside it (the unit or below), or containing it (the
 * survey reported only the 部 of a 課), or neither.
 */
export function groupRelation(group: string, unit: string): "inside" | "containing" | "outside" {
  if (isWithinUnit(group, unit)) return "inside";
  if (isWithinUnit(unit, group)) return "containing";
  return "outside";
}
