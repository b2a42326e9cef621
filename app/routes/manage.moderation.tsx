import "~/i18n/area/messages.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useLocation } from "@remix-run/react";
import { MessageBody } from "~/components/imessage";
import { formatDateTime } from "~/domain/dates";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { dismissReport, hideMessage, listReported } from "~/models/messages.server";
import { moderationActionSchema } from "~/schemas/messages.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.moderationTitle);

/** Only admins moderate: HR sees message counts, never message text. */
const MODERATORS = ["admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, MODERATORS);
  return json({ reported: await listReported(getDb()) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, MODERATORS);
  const parsed = parseForm(moderationActionSchema, await request.formData(), await getT(request));
  if (!parsed.ok) return formError(parsed);
  const actor = { id: admin.id, label: admin.employeeNumber };
  if (parsed.data.intent === "dismiss") {
    await dismissReport(getDb(), actor, parsed.data.messageId);
    return redirect("/manage/moderation?dismissed=1");
  }
  await hideMessage(getDb(), actor, parsed.data.messageId);
  return redirect("/manage/moderation?hidden=1");
}

export default function Moderation() {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const { reported } = useLoaderData<typeof loader>();
  const params = new URLSearchParams(useLocation().search);
  return (
    <>
      <h1>{m.moderationTitle}</h1>
      {params.get("hidden") || params.get("dismissed") ? (
        <p className="notice" role="status">
          {params.get("hidden") ? m.hiddenDone : m.dismissedDone}
        </p>
      ) : null}
      <p>{m.moderationIntro}</p>
      {reported.length === 0 ? <p>{m.moderationEmpty}</p> : null}
      {reported.map((message) => (
        <article key={message.id} className="message-card" aria-labelledby={`reported-${message.id}`}>
          <h2 id={`reported-${message.id}`}>
            {m.from(message.senderName)} → {m.to(message.recipientName)}
          </h2>
          <dl className="summary-list">
            <dt>{m.sentAt}</dt>
            <dd>{formatDateTime(message.createdAt, locale)}</dd>
            <dt>{m.reportedAt}</dt>
            <dd>{formatDateTime(message.reportedAt, locale)}</dd>
            <dt>{m.reportReason}</dt>
            <dd className="message-text">{message.reportReason}</dd>
          </dl>
          <MessageBody parts={message} tags={[]} />
          <Form method="post" className="moderation-actions">
            <input type="hidden" name="messageId" value={message.id} />
            <button type="submit" name="intent" value="hide" className="button-danger">
              {m.hide}
            </button>
            <button type="submit" name="intent" value="dismiss" className="button-secondary">
              {m.dismiss}
            </button>
          </Form>
        </article>
      ))}
    </>
  );
}
