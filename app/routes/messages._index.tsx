import "~/i18n/area/messages.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MessageSections, TagList } from "~/components/imessage";
import { formatDateTime } from "~/domain/dates";
import { useLocale, useT } from "~/i18n/use-t";
import { hiddenAfterReportCount, listInbox, messageCounts } from "~/models/messages.server";
import { HR_ROLES, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { titled } from "~/i18n";

export const meta = titled((t) => t.messages.inbox);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const isHr = HR_ROLES.includes(user.role);
  const [messages, hiddenCount, counts] = await Promise.all([
    listInbox(db, user.id),
    hiddenAfterReportCount(db, user.id),
    isHr ? messageCounts(db) : null,
  ]);
  return json({ messages, hiddenCount, counts, isAdmin: user.role === "admin" });
}

export default function Inbox() {
  const t = useT();
  const m = t.messages;
  const locale = useLocale();
  const { messages, hiddenCount, counts, isAdmin } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{m.title}</h1>
      <MessageSections />
      <h2>{m.inbox}</h2>
      {hiddenCount > 0 ? (
        <p className="notice" role="status">
          {m.hiddenAfterReport(hiddenCount)}
        </p>
      ) : null}
      <p>{m.inboxIntro}</p>
      {messages.length === 0 ? (
        <p>{m.inboxEmpty}</p>
      ) : (
        <ul className="message-list">
          {messages.map((message) => (
            <li key={message.id} className={message.readAt ? "message-card" : "message-card message-unread"}>
              <h3>
                <Link to={`/messages/${message.id}`}>{m.from(message.senderName)}</Link>
              </h3>
              <p className="message-meta">
                {formatDateTime(message.createdAt, locale)} · {m.relationships[message.relationship]}{" "}
                <span className="badge">{message.readAt ? m.read : m.unread}</span>
                {message.thankedAt ? <span className="badge">{m.thankSent}</span> : null}
                {message.pinned ? <span className="badge">{m.pinnedState}</span> : null}
                {message.reportedAt ? <span className="badge">{m.reportedState}</span> : null}
              </p>
              <p className="message-excerpt">{message.scene}</p>
              <TagList tags={message.tags} />
            </li>
          ))}
        </ul>
      )}
      {counts ? (
        <section aria-labelledby="message-admin">
          <h2 id="message-admin">{m.manageHeading}</h2>
          <h3>{m.countsHeading}</h3>
          <dl className="figures">
            {(Object.keys(m.counts) as (keyof typeof counts)[]).map((key) => (
              <div key={key}>
                <dt>{m.counts[key]}</dt>
                <dd>{counts[key]}</dd>
              </div>
            ))}
          </dl>
          <ul className="link-list">
            <li>
              <Link to="/manage/tags">{m.manageTagsLink}</Link>
            </li>
            {isAdmin ? (
              <li>
                <Link to="/manage/moderation">{m.moderationLink}</Link>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}
