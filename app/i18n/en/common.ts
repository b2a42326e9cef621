import type { Dictionary } from "../dictionary";

export const common = {
  appName: "Yell",
  tagline: "Staff surveys and I-messages",
  skipToContent: "Skip to main content",
  switchToOther: "日本語",
  signOut: "Sign out",
  signedInAs: (name: string) => name,
  required: "Required",
  formHasErrors: (count: number) => `There ${count === 1 ? "is 1 problem" : `are ${count} problems`} with your input.`,
  notFoundTitle: "Page not found",
  notFoundBody: "We could not find the page you asked for.",
  forbiddenTitle: "You do not have permission to view this page",
  forbiddenBody: "This page is for HR staff and administrators only.",
  errorTitle: "Something went wrong",
  errorBody: "Please try again later. If it keeps happening, contact HR.",
  home: "Home",
  /** The header's menu is worded by the root loader (area menu); its landmark's name is here. */
  mainNavigation: "Main menu",
} satisfies Dictionary["common"];
