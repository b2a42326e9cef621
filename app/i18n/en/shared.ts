import type { Dictionary } from "../dictionary";

export const shared = {
  navLabel: "Shared results",
  listTitle: "Survey results shared with staff",
  listIntro: "Summaries of survey results HR has published, and the actions taken on them.",
  none: "No results have been published yet.",
  publishedOn: (date: string) => `Published ${date}`,
  summaryHeading: "Summary",
  wardHeading: "Whole ward",
  ownUnitHeading: (unit: string) => `Your unit (${unit})`,
  ownUnitHidden: "Your unit had too few respondents to be shown, so only the whole ward's results are given.",
  ownUnitCaption: (unit: string) => `Mean per question for ${unit}`,
  actionsHeading: "Actions taken on the results",
  backToList: "Back to the shared results",
  publishTitle: "Share the results with staff",
  publishIntro:
    "Publishes a closed survey's summary to staff. They see the whole ward's KPI table and charts, their own unit's results (only where enough people answered), and the actions.",
  publishLink: "Share the results with staff",
  summaryJa: "Summary (Japanese)",
  summaryEn: "Summary (English)",
  summaryHint: "What the results show and what will be done, written for staff.",
  publish: "Publish",
  republish: "Update the published summary",
  published: "The results were published.",
  alreadyPublished: (date: string) => `Published on ${date}.`,
  viewAsStaff: "See the staff page",
  errors: {
    unknown_survey: "The survey was not found.",
    survey_not_closed: "A survey can be published once it has closed.",
    no_figures: "This survey had too few respondents, so its results cannot be published.",
  },
} satisfies Dictionary["shared"];
