import "~/i18n/area/auth.client";
import { MIN_PASSWORD_LENGTH } from "~/domain/password-policy";
import { useT } from "~/i18n/use-t";
import { TextField } from "./form-fields";

/** A new password typed twice, as setting and changing a password both ask for it. */
export function NewPasswordFields({ errors }: { errors: Record<string, string> | undefined }) {
  const t = useT();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t.auth.newPassword}
        hint={t.auth.newPasswordHint(MIN_PASSWORD_LENGTH)}
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required
        error={errors?.password}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label={t.auth.confirmPassword}
        autoComplete="new-password"
        required
        error={errors?.confirmPassword}
      />
    </>
  );
}
