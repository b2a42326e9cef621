import type { Dictionary } from "./dictionary";
import { auth } from "./en/auth";
import { cli } from "./en/cli";
import { common } from "./en/common";
import { nav } from "./en/nav";
import { roster } from "./en/roster";
import { validation } from "./en/validation";

export const en = { common, nav, validation, auth, roster, cli } satisfies Dictionary;
