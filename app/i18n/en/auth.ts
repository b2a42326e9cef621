import type { Dictionary } from "../dictionary";

export const auth = {
  signInTitle: "Sign in",
  signInIntro: "Sign in with your employee number and password.",
  employeeNumber: "Employee number",
  password: "Password",
  signIn: "Sign in",
  invalidCredentials: "The employee number or password is not correct.",
  locked: (minutes: number) =>
    `Too many failed sign-ins: this account is locked for now. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  firstTime: "Using Yell for the first time? Set your password with the setup code you received from HR.",
  setUpPasswordLink: "Set your password",
  setupTitle: "Set your password",
  setupIntro: "Use the setup code you received from HR to set your password. A code works only once.",
  setupCode: "Setup code",
  setupCodeHint: "For example K7QM-4XPA-R2ZT (hyphens optional)",
  newPassword: "New password",
  newPasswordHint: (min: number) => `At least ${min} characters. Do not reuse a password from another service.`,
  confirmPassword: "New password (again)",
  setPassword: "Set password",
  setupInvalid: "The employee number or setup code is not correct, or the code has already been used.",
  setupExpired: "This setup code has expired. Ask HR for a new one.",
  setupDone: "Your password is set. Please sign in.",
  signedOut: "You have signed out.",
  welcome: (name: string) => `Welcome, ${name}`,
  homeIntro: "In Yell you answer staff surveys and send and receive I-messages with colleagues.",
  hrHomeIntro: "As HR you manage the staff roster and see survey results.",
} satisfies Dictionary["auth"];
