import { audit } from "./ja/audit";
import { auth } from "./ja/auth";
import { builder } from "./ja/builder";
import { cli } from "./ja/cli";
import { common } from "./ja/common";
import { crosstab } from "./ja/crosstab";
import { actions } from "./ja/actions";
import { heatmap } from "./ja/heatmap";
import { messages } from "./ja/messages";
import { nav } from "./ja/nav";
import { reports } from "./ja/reports";
import { results } from "./ja/results";
import { roster } from "./ja/roster";
import { rounds } from "./ja/rounds";
import { survey } from "./ja/survey";
import { surveyAdmin } from "./ja/surveyAdmin";
import { validation } from "./ja/validation";

export const ja = { common, nav, validation, auth, roster, cli, surveyAdmin, results, survey, messages, rounds, builder, crosstab, reports, audit, heatmap, actions };
