import type { Dictionary } from "../dictionary";

export const unitResults = {
  listTitle: "My unit's results",
  listIntro:
    "Directors and section chiefs (or people HR names) see the results of the units they head and the units below, beside the ward's overall results and the targets. Groups with too few respondents are hidden exactly as on HR's pages.",
  noSurveys: "No survey has closed yet.",
  yourUnits: "Units you head",
  title: (unit: string) => `Results for ${unit}`,
  backToList: "Back to my unit's results",
  coverageParent: "This survey reports by department (部), so the results of the department that contains your unit are shown.",
  coverageNone:
    "This survey has no group covering your unit. Answers from units with few staff are recorded with their unit withheld (非公表), fixed when the survey opened, so they are never counted under the unit's name.",
  wardHeading: "Whole ward and targets",
  wardCaption: "Ward mean and target per question",
  unitHeading: "Your unit's results",
  actionsLink: "Record and review this unit's actions",
} satisfies Dictionary["unitResults"];
