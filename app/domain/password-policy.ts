// Kept apart from the zod schemas so pages can show the rule without shipping zod to the browser.

/** Passwords are long rather than complicated (NIST SP 800-63B); 10 is the city's floor. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
