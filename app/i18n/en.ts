import type { Dictionary } from "./dictionary";
import { audit } from "./en/audit";
import { auth } from "./en/auth";
import { builder } from "./en/builder";
import { cli } from "./en/cli";
import { common } from "./en/common";
import { crosstab } from "./en/crosstab";
import { heatmap } from "./en/heatmap";
import { messages } from "./en/messages";
import { nav } from "./en/nav";
import { reports } from "./en/reports";
import { results } from "./en/results";
import { roster } from "./en/roster";
import { rounds } from "./en/rounds";
import { survey } from "./en/survey";
import { surveyAdmin } from "./en/surveyAdmin";
import { validation } from "./en/validation";

export const en = { common, nav, validation, auth, roster, cli, surveyAdmin, results, survey, messages, rounds, builder, crosstab, reports, audit, heatmap } satisfies Dictionary;
