import "~/i18n/area/messages.client";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form-fields";
import { MessageBody, MessageSections } from "~/components/imessage";
import { formatDateTime } from "~/domain/dates";
import { getT } from "~/i18n/locale.server";
import { useLocale, useT } from "~/i18n/use-t";
import { getMessageFor, markRead, report, setPinned, thank, withdraw } from "~/models/messages.server";
import { REPORT_REASON_MAX_LENGTH, messageActionSchema, messageParamsSchema } from "~/schemas/messages.server";
import { type SessionUser, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formError, parseForm } from "~/utils/forms.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.messageTitle);

/** The message if the person asking sent or received it; otherwise the same 404 as for an id that does not exist. */
async function messageOr404(user: SessionUser, params: LoaderFunctionArgs["params"]) {
  const parsed = messageParamsSchema.safeParse(params);
  const message = parsed.success ? await getMessageFor(getDb(), user.id, parsed.data.id) : null;
  if (!message) throw json({ reason: "not found" }, { status: 404 });
  return message;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ message: await messageOr404(user, params) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await getT(request);
  const message = await messageOr404(user, params);
  const parsed = parseForm(messageActionSchema, await request.formData(), t);
  if (!parsed.ok) return formError(parsed);
  const db = getDb();
  // Each model call is scoped to the person asking, so a sender cannot thank and a recipient cannot withdraw.
  switch (parsed.data.intent) {
    case "read":
      await markRead(db, user.id, message.id);
      break;
    case "thank":
      await thank(db, user.id, message.id);
      break;
    case "pin":
    case "unpin":
      await setPinned(db, user.id, message.id, parsed.data.intent === "pin");
      break;
    case "report":
      await report(db, { id: user.id, label: user.employeeNumber }, message.id, parsed.data.reason);
      break;
    case "withdraw":
      if (await withdraw(db, user.id, message.id)) return redirect("/messages/sent?withdrawn=1");
      return formError({ errors: { form: t.messages.withdrawTooLate }, values: {} });
  }
  return redirect(`/messages/${message.id}`);
}

function IntentButton({ intent, label, primary = false }: { intent: "read" | "thank" | "pin" | "unpin" | "withdraw"; label: string; primary?: boolean }) {
  return (
    <Form method="post">
      <button type="submit" name="intent" value={intent} className={primary ? "button-primary" : "button-secondary"}>
        {label}
      </button>
    </Form>
  );
}

export default function MessagePage() {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const { message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const isRecipient = message.viewer === "recipient";

  return (
    <>
      <h1>{isRecipient ? m.from(message.senderName) : m.to(message.recipientName)}</h1>
      <MessageSections />
      {errors?.form ? (
        <p className="error-summary" role="alert">
          {errors.form}
        </p>
      ) : (
        <ErrorSummary errors={errors} labels={{ reason: m.reportReason }} />
      )}
      <article className="message-card">
        <p className="message-meta">
          {formatDateTime(message.createdAt, locale)} · {m.relationships[message.relationship]}{" "}
          <span className="badge">{message.readAt ? m.read : m.unread}</span>
        </p>
        <MessageBody parts={message} tags={message.tags} />
      </article>

      {isRecipient ? (
        <>
          {message.thankedAt ? (
            <p className="notice" role="status">
              {m.thankedByMe}
            </p>
          ) : null}
          <div className="toolbar">
            {message.readAt ? null : <IntentButton intent="read" label={m.markRead} />}
            {message.thankedAt ? null : <IntentButton intent="thank" label={m.thank} primary />}
            <IntentButton intent={message.pinned ? "unpin" : "pin"} label={message.pinned ? m.unpin : m.pin} />
          </div>
          {message.reportedAt ? (
            <p className="notice">{m.reportedNotice}</p>
          ) : (
            <details className="report-box" open={Boolean(errors?.reason)}>
              <summary>{m.reportHeading}</summary>
              <p>{m.reportIntro}</p>
              <Form method="post" noValidate>
                <div className={errors?.reason ? "field field-invalid" : "field"}>
                  <label htmlFor="field-reason">{m.reportReason}</label>
                  {errors?.reason ? (
                    <p className="field-error" id="field-reason-error">
                      {errors.reason}
                    </p>
                  ) : null}
                  <textarea
                    id="field-reason"
                    name="reason"
                    rows={3}
                    maxLength={REPORT_REASON_MAX_LENGTH}
                    required
                    aria-invalid={errors?.reason ? true : undefined}
                    aria-describedby={errors?.reason ? "field-reason-error" : undefined}
                  />
                </div>
                <button type="submit" name="intent" value="report" className="button-danger">
                  {m.report}
                </button>
              </Form>
            </details>
          )}
        </>
      ) : (
        <>
          {message.thankedAt ? (
            <p className="notice" role="status">
              {m.thankedBySender}
            </p>
          ) : null}
          {message.hiddenAt ? <p className="warning">{m.hiddenForSender}</p> : null}
          {message.readAt ? null : (
            <>
              <p>{m.withdrawHint}</p>
              <IntentButton intent="withdraw" label={m.withdraw} />
            </>
          )}
        </>
      )}
      <p>
        <Link to={isRecipient ? "/messages" : "/messages/sent"}>{isRecipient ? m.inbox : m.sent}</Link>
      </p>
    </>
  );
}
