import { auth } from "./ja/auth";
import { cli } from "./ja/cli";
import { common } from "./ja/common";
import { nav } from "./ja/nav";
import { roster } from "./ja/roster";
import { validation } from "./ja/validation";

export const ja = { common, nav, validation, auth, roster, cli };
