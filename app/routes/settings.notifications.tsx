import "~/i18n/area/notifications.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { NOTIFICATION_KINDS } from "~/domain/notifications";
import { useT } from "~/i18n/use-t";
import { emailSettingsFor, setEmailKinds } from "~/models/notifications.server";
import { emailSettingsInput } from "~/schemas/notifications.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.notifications.settings.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await emailSettingsFor(getDb(), user.id));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = emailSettingsInput(await request.formData());
  if (!parsed.success) return json({ ok: false as const }, { status: 400 });
  await setEmailKinds(getDb(), user.id, parsed.data.email);
  return redirect("/settings/notifications?saved=1");
}

export default function NotificationSettings() {
  const n = useT().notifications;
  const s = n.settings;
  const { enabled, hasEmail, mailConfigured } = useLoaderData<typeof loader>();
  const params = new URLSearchParams(useLocation().search);
  return (
    <>
      <h1>{s.title}</h1>
      {params.get("saved") ? (
        <p className="notice" role="status">
          {s.saved}
        </p>
      ) : null}
      <p>{s.intro}</p>
      {mailConfigured ? null : <p>{s.mailOff}</p>}
      {hasEmail ? null : <p>{s.noEmail}</p>}
      <Form method="post">
        <fieldset>
          <legend>{s.legend}</legend>
          {NOTIFICATION_KINDS.map((kind) => (
            <div key={kind} className="checkbox-field">
              <input type="checkbox" id={`email-${kind}`} name="email" value={kind} defaultChecked={enabled.includes(kind)} />
              <label htmlFor={`email-${kind}`}>{n.kinds[kind]}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button-primary">
          {s.save}
        </button>
      </Form>
    </>
  );
}
