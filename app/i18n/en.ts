import type { Dictionary } from "./dictionary";
import { auth } from "./en/auth";
import { cli } from "./en/cli";
import { common } from "./en/common";
import { messages } from "./en/messages";
import { nav } from "./en/nav";
import { results } from "./en/results";
import { roster } from "./en/roster";
import { rounds } from "./en/rounds";
import { survey } from "./en/survey";
import { surveyAdmin } from "./en/surveyAdmin";
import { validation } from "./en/validation";

export const en = { common, nav, validation, auth, roster, cli, surveyAdmin, results, survey, messages, rounds } satisfies Dictionary;
