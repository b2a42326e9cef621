import "~/i18n/area/messages.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { MessageSections, TagList } from "~/components/imessage";
import { formatDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { listSent } from "~/models/messages.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.sent);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ messages: await listSent(getDb(), user.id) });
}

export default function SentMessages() {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  const params = new URLSearchParams(useLocation().search);
  const notice = params.get("sent") ? m.sentNotice : params.get("withdrawn") ? m.withdrawn : null;
  return (
    <>
      <h1>{m.title}</h1>
      <MessageSections />
      <h2>{m.sent}</h2>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{m.sentIntro}</p>
      {messages.length === 0 ? (
        <p>{m.sentEmpty}</p>
      ) : (
        <ul className="message-list">
          {messages.map((message) => (
            <li key={message.id} className="message-card">
              <h3>
                <Link to={`/messages/${message.id}`}>{m.to(message.recipientName)}</Link>
              </h3>
              <p className="message-meta">
                {formatDateTime(message.createdAt, locale)} · {m.relationships[message.relationship]}{" "}
                <span className="badge">{message.readAt ? m.read : m.unread}</span>
                {message.thankedAt ? <span className="badge badge-thanked">{m.thanked}</span> : null}
                {message.hiddenAt ? <span className="badge">{m.hiddenState}</span> : null}
              </p>
              <p className="message-excerpt">{message.scene}</p>
              <TagList tags={message.tags} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
